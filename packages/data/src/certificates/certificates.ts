import { GetCommand } from '@aws-sdk/lib-dynamodb';
import {
  type Certificate,
  ConflictError,
  certificateSchema,
  NotFoundError,
  newId,
  type SignedCertificate,
  signedCertificateSchema,
  signedPayload,
} from '@xjf/domain';
import { auditEntry } from '../audit/audit';
import type { Db } from '../client';
import { keys } from '../keys';
import { type Page, queryPage } from '../page';
import { type PartnerActorScope, partnerHouseholdScore } from '../partners/score';
import { transactWrite } from '../transact';
import { signPayload } from './signing';
import type { CertificateSigner } from './signing-keys';

export type CertificateRequest = { householdId: string; asOf?: string; programId?: string };

/**
 * A signed statement of a consenting household's score, as the partner sees it now. The score
 * look-up refuses (and logs) what a partner may not see; the certificate is stored in the
 * county partition and logged in the household's village in one transaction.
 */
export async function issueCertificate(
  db: Db,
  signer: CertificateSigner,
  partner: PartnerActorScope,
  request: CertificateRequest,
  now: Date,
): Promise<SignedCertificate> {
  const score = await partnerHouseholdScore(
    db,
    partner,
    request.householdId,
    request.asOf,
    now,
    request.programId,
  );
  const { keyId, privateKey } = await signer.activeKey(partner.countyId, now);
  const certificate: Certificate = {
    id: newId(),
    countyId: score.county.id,
    countyName: score.county.name,
    partner: score.partner,
    household: {
      name: score.household.headName,
      village: score.household.villageName,
      number: score.household.number,
    },
    program: score.program,
    score: score.score,
    tier: score.tier && { label: score.tier.label, benefit: score.tier.benefit },
    window: score.window,
    asOf: score.asOf,
    issuedAt: now.toISOString(),
    issuedBy: { userId: partner.userId, name: partner.name },
  };
  const signed = signedCertificateSchema.parse({
    certificate,
    keyId,
    signature: signPayload(privateKey, signedPayload({ certificate, keyId })),
  });
  const scope = { countyId: partner.countyId, villageId: score.household.villageId };
  await transactWrite(
    db,
    [
      {
        Put: {
          TableName: db.tableName,
          Item: {
            ...keys.certificate(partner.countyId, certificate.id),
            ...keys.certificateListing(
              partner.countyId,
              partner.partnerId,
              certificate.issuedAt,
              certificate.id,
            ),
            type: 'Certificate',
            partnerId: partner.partnerId,
            villageId: scope.villageId,
            householdId: score.household.id,
            ...signed,
          },
          ConditionExpression: 'attribute_not_exists(PK)',
        },
      },
      auditEntry(db, scope, {
        action: 'certificate_issue',
        at: now,
        by: { userId: partner.userId, name: partner.name },
        householdNumber: score.household.number,
        points: score.score,
        detail: `${score.partner.name} 出具积分证明 ${certificate.id}（${score.program.name}，截至 ${score.asOf}，${score.tier?.label ?? '未达等级'}）`,
      }),
    ],
    () => new ConflictError('certificate_exists', '证明编号冲突，请重试 (certificate id clash; retry)'),
  );
  return signed;
}

/** A certificate this partner issued, to print again; another partner's or county's is not found. */
export async function getCertificate(
  db: Db,
  partner: Pick<PartnerActorScope, 'countyId' | 'partnerId'>,
  certificateId: string,
): Promise<SignedCertificate> {
  const { Item } = await db.doc.send(
    new GetCommand({ TableName: db.tableName, Key: keys.certificate(partner.countyId, certificateId) }),
  );
  if (!Item || Item.partnerId !== partner.partnerId) throw new NotFoundError('积分证明 (certificate)');
  return signedCertificateSchema.parse({
    certificate: Item.certificate,
    keyId: Item.keyId,
    signature: Item.signature,
  });
}

/** What this partner has issued, newest first (the documents without their signatures). */
export function listCertificates(
  db: Db,
  partner: Pick<PartnerActorScope, 'countyId' | 'partnerId'>,
  page: { limit?: number; cursor?: string },
): Promise<Page<Certificate>> {
  return queryPage(
    db,
    {
      partition: { name: 'GSI1PK', value: keys.certificateListingPK(partner.countyId, partner.partnerId) },
      indexName: 'GSI1',
      forward: false,
      ...page,
    },
    (item) => certificateSchema.parse(item.certificate),
  );
}
