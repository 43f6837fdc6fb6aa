import {
  certificateSigner,
  type Db,
  issueCertificate,
  type PartnerActorScope,
  tableSigningSeed,
} from '@xjf/data';

/**
 * One score certificate the bank issued for a consenting household, signed with the county's
 * key from the table's seed (as `npm start` signs), so the portal can print it and the public
 * verification page has a genuine document to check.
 */
export async function seedCertificate(db: Db, partner: PartnerActorScope, householdId: string, at: Date) {
  const signer = certificateSigner(db, tableSigningSeed(db));
  return issueCertificate(db, signer, partner, { householdId }, at);
}
