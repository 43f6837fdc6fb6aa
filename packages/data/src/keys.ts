/**
 * Every key in the table is built here and nowhere else. Tenant data lives under partitions
 * that start with the county (`C#<countyId>`) and, for village data, the village
 * (`C#<countyId>#V#<villageId>`). Ids have a fixed length (see domain/ids), so one tenant's
 * prefix can never match another tenant's keys.
 */
export type Key = { PK: string; SK: string };

const county = (countyId: string) => `C#${countyId}`;
const village = (countyId: string, villageId: string) => `C#${countyId}#V#${villageId}`;

export const keys = {
  county: (countyId: string): Key => ({ PK: county(countyId), SK: 'COUNTY' }),
  /** All counties, for the platform operator: a handful of items per deployment. */
  countyListing: (countyId: string) => ({ GSI1PK: 'COUNTIES', GSI1SK: countyId }),

  township: (countyId: string, townshipId: string): Key => ({
    PK: county(countyId),
    SK: `TOWNSHIP#${townshipId}`,
  }),
  townshipPrefix: (countyId: string) => ({ PK: county(countyId), SKPrefix: 'TOWNSHIP#' }),
  townshipName: (countyId: string, name: string): Key => ({
    PK: county(countyId),
    SK: `TOWNSHIPNAME#${name}`,
  }),

  village: (countyId: string, villageId: string): Key => ({
    PK: county(countyId),
    SK: `VILLAGE#${villageId}`,
  }),
  villagePrefix: (countyId: string) => ({ PK: county(countyId), SKPrefix: 'VILLAGE#' }),
  /** Guards "one village of a name per township" inside the creating transaction. */
  villageName: (countyId: string, townshipId: string, name: string): Key => ({
    PK: county(countyId),
    SK: `VILLAGENAME#${townshipId}#${name}`,
  }),

  /** Looked up by code alone at onboarding, before the caller has any tenant: the code is the capability. */
  invite: (code: string): Key => ({ PK: `INVITE#${code}`, SK: 'INVITE' }),
  inviteListing: (countyId: string, createdAt: string) => ({
    GSI1PK: `${county(countyId)}#INVITES`,
    GSI1SK: createdAt,
  }),
  inviteListingPK: (countyId: string) => `${county(countyId)}#INVITES`,

  platformUser: (userId: string): Key => ({ PK: 'PLATFORM', SK: `USER#${userId}` }),
  countyUser: (countyId: string, userId: string): Key => ({ PK: county(countyId), SK: `USER#${userId}` }),
  countyUserPrefix: (countyId: string) => ({ PK: county(countyId), SKPrefix: 'USER#' }),
  villageUser: (countyId: string, villageId: string, userId: string): Key => ({
    PK: village(countyId, villageId),
    SK: `USER#${userId}`,
  }),
  villageUserPrefix: (countyId: string, villageId: string) => ({
    PK: village(countyId, villageId),
    SKPrefix: 'USER#',
  }),
  /** Usernames are unique across the deployment, as they are in the Cognito user pool. */
  username: (username: string): Key => ({ PK: `USERNAME#${username}`, SK: 'USERNAME' }),
  usernameListing: (username: string) => ({ GSI1PK: 'USERNAMES', GSI1SK: username }),

  program: (countyId: string, villageId: string, programId: string): Key => ({
    PK: village(countyId, villageId),
    SK: `PROGRAM#${programId}`,
  }),
  programName: (countyId: string, villageId: string, name: string): Key => ({
    PK: village(countyId, villageId),
    SK: `PROGRAMNAME#${name}`,
  }),
  programPrefix: (countyId: string, villageId: string) => ({
    PK: village(countyId, villageId),
    SKPrefix: 'PROGRAM#',
  }),
  /** A rule set's head: its name, program, draft and latest version number. */
  ruleSet: (countyId: string, villageId: string, ruleSetId: string): Key => ({
    PK: village(countyId, villageId),
    SK: `RULESET#${ruleSetId}`,
  }),
  ruleSetPrefix: (countyId: string, villageId: string) => ({
    PK: village(countyId, villageId),
    SKPrefix: 'RULESET#',
  }),
  /** Published versions, immutable; zero-padded so they sort by number. */
  ruleSetVersion: (countyId: string, villageId: string, ruleSetId: string, version: number): Key => ({
    PK: village(countyId, villageId),
    SK: `RULESETVER#${ruleSetId}#${String(version).padStart(6, '0')}`,
  }),
  ruleSetVersionPrefix: (countyId: string, villageId: string, ruleSetId: string) => ({
    PK: village(countyId, villageId),
    SKPrefix: `RULESETVER#${ruleSetId}#`,
  }),
  household: (countyId: string, villageId: string, householdId: string): Key => ({
    PK: village(countyId, villageId),
    SK: `HOUSEHOLD#${householdId}`,
  }),
  householdPrefix: (countyId: string, villageId: string) => ({
    PK: village(countyId, villageId),
    SKPrefix: 'HOUSEHOLD#',
  }),
  /** Guards "one household per 户号 in a village". */
  householdNumber: (countyId: string, villageId: string, number: string): Key => ({
    PK: village(countyId, villageId),
    SK: `HOUSEHOLDNO#${number}`,
  }),
  pointRecord: (countyId: string, villageId: string, recordId: string): Key => ({
    PK: village(countyId, villageId),
    SK: `RECORD#${recordId}`,
  }),
  /** Records queue by status; posted records sort by the end of their posting window. */
  recordQueue: (countyId: string, villageId: string, status: string, sortKey: string) => ({
    GSI1PK: `${village(countyId, villageId)}#RECORDS#${status}`,
    GSI1SK: sortKey,
  }),
  recordQueuePK: (countyId: string, villageId: string, status: string) =>
    `${village(countyId, villageId)}#RECORDS#${status}`,
  /** accountRef = `<householdId>#<programId>[#<memberId>]`, so a household's accounts share a prefix. */
  account: (countyId: string, villageId: string, accountRef: string): Key => ({
    PK: village(countyId, villageId),
    SK: `ACCOUNT#${accountRef}`,
  }),
  householdAccountsPrefix: (countyId: string, villageId: string, householdId: string) => ({
    PK: village(countyId, villageId),
    SKPrefix: `ACCOUNT#${householdId}#`,
  }),
  /** A household's entries sort by time across its programs' accounts. */
  ledgerEntry: (
    countyId: string,
    villageId: string,
    householdId: string,
    at: string,
    entryId: string,
  ): Key => ({
    PK: village(countyId, villageId),
    SK: `LEDGER#${householdId}#${at}#${entryId}`,
  }),
  householdLedgerPrefix: (countyId: string, villageId: string, householdId: string) => ({
    PK: village(countyId, villageId),
    SKPrefix: `LEDGER#${householdId}#`,
  }),
  /** What an account used of a capped rule in one period. */
  capUsage: (
    countyId: string,
    villageId: string,
    accountRef: string,
    ruleCode: string,
    periodKey: string,
  ): Key => ({
    PK: village(countyId, villageId),
    SK: `CAPUSE#${accountRef}#${ruleCode}#${periodKey}`,
  }),
  countyTemplate: (countyId: string, templateId: string): Key => ({
    PK: county(countyId),
    SK: `TEMPLATE#${templateId}`,
  }),
  countyTemplatePrefix: (countyId: string) => ({ PK: county(countyId), SKPrefix: 'TEMPLATE#' }),

  /** Idempotency records are scoped by the caller's tenant and user, so keys never collide across tenants. */
  idempotency: (scope: string, idempotencyKey: string): Key => ({
    PK: `${scope}#IDEM#${idempotencyKey}`,
    SK: 'IDEM',
  }),
  tenantScope: { county, village },
} as const;
