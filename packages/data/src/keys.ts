/**
 * Every key in the table is built here and nowhere else. Tenant data lives under partitions
 * that start with the county (`C#<countyId>`) and, for village data, the village
 * (`C#<countyId>#V#<villageId>`). Ids have a fixed length (see domain/ids), so one tenant's
 * prefix can never match another tenant's keys.
 */
export type Key = { PK: string; SK: string };

const county = (countyId: string) => `C#${countyId}`;
const village = (countyId: string, villageId: string) => `C#${countyId}#V#${villageId}`;

/** Who owns a program and its rule set: a village, or (without `villageId`) its county. */
export type Owner = { countyId: string; villageId?: string };
const ownerPK = (owner: Owner) =>
  owner.villageId === undefined ? county(owner.countyId) : village(owner.countyId, owner.villageId);

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
  /** Usernames are unique across the deployment: sign-in starts from one, before any tenant is known. */
  username: (username: string): Key => ({ PK: `USERNAME#${username}`, SK: 'USERNAME' }),
  usernameListing: (username: string) => ({ GSI1PK: 'USERNAMES', GSI1SK: username }),
  /** The password hash and second factor beside the username, read with it in one request. */
  credential: (username: string): Key => ({ PK: `USERNAME#${username}`, SK: 'CREDENTIAL' }),
  /**
   * Failed sign-ins in a row, kept for any username typed, existing or not, so a lock never
   * tells whether an account exists.
   */
  signInFailures: (username: string): Key => ({ PK: `USERNAME#${username}`, SK: 'FAILURES' }),
  /** A villager's mobile number → their username, for SMS sign-in; unique like usernames. */
  mobile: (mobile: string): Key => ({ PK: `MOBILE#${mobile}`, SK: 'MOBILE' }),
  /** The sign-in code last sent to a number (hashed), with its tries. */
  smsCode: (mobile: string): Key => ({ PK: `MOBILE#${mobile}`, SK: 'SMSCODE' }),
  /** A fixed-window counter (`bucket` names what is limited and for whom). */
  rateWindow: (bucket: string, windowStart: number): Key => ({ PK: `RATE#${bucket}`, SK: `${windowStart}` }),
  /** A refresh token by its SHA-256, and the sign-in session (token family) it belongs to. */
  refreshToken: (hash: string): Key => ({ PK: `REFRESH#${hash}`, SK: 'REFRESH' }),
  session: (sessionId: string): Key => ({ PK: `SESSION#${sessionId}`, SK: 'SESSION' }),

  /**
   * Programs and rule sets belong to an owner: a village, or its county for a county-wide
   * program (全县统一). The same keys under either partition, so one code path serves both.
   */
  program: (owner: Owner, programId: string): Key => ({ PK: ownerPK(owner), SK: `PROGRAM#${programId}` }),
  programName: (owner: Owner, name: string): Key => ({ PK: ownerPK(owner), SK: `PROGRAMNAME#${name}` }),
  programPrefix: (owner: Owner) => ({ PK: ownerPK(owner), SKPrefix: 'PROGRAM#' }),
  /** A rule set's head: its name, program, draft and latest version number. */
  ruleSet: (owner: Owner, ruleSetId: string): Key => ({ PK: ownerPK(owner), SK: `RULESET#${ruleSetId}` }),
  ruleSetPrefix: (owner: Owner) => ({ PK: ownerPK(owner), SKPrefix: 'RULESET#' }),
  /** Published versions, immutable; zero-padded so they sort by number. */
  ruleSetVersion: (owner: Owner, ruleSetId: string, version: number): Key => ({
    PK: ownerPK(owner),
    SK: `RULESETVER#${ruleSetId}#${String(version).padStart(6, '0')}`,
  }),
  ruleSetVersionPrefix: (owner: Owner, ruleSetId: string) => ({
    PK: ownerPK(owner),
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
  householdNumberPrefix: (countyId: string, villageId: string) => ({
    PK: village(countyId, villageId),
    SKPrefix: 'HOUSEHOLDNO#',
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
  /** Marks a record a villager declared, so their household's declarations are one query (newest last). */
  declaration: (
    countyId: string,
    villageId: string,
    householdId: string,
    createdAt: string,
    recordId: string,
  ): Key => ({
    PK: village(countyId, villageId),
    SK: `DECLARED#${householdId}#${createdAt}#${recordId}`,
  }),
  householdDeclarationsPrefix: (countyId: string, villageId: string, householdId: string) => ({
    PK: village(countyId, villageId),
    SKPrefix: `DECLARED#${householdId}#`,
  }),
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
  storeItem: (countyId: string, villageId: string, itemId: string): Key => ({
    PK: village(countyId, villageId),
    SK: `STOREITEM#${itemId}`,
  }),
  storeItemPrefix: (countyId: string, villageId: string) => ({
    PK: village(countyId, villageId),
    SKPrefix: 'STOREITEM#',
  }),
  /** An item's stock movements sort by time, so its history and its sum are one query. */
  stockMovement: (
    countyId: string,
    villageId: string,
    itemId: string,
    at: string,
    movementId: string,
  ): Key => ({
    PK: village(countyId, villageId),
    SK: `STOCKMOVE#${itemId}#${at}#${movementId}`,
  }),
  stockMovementPrefix: (countyId: string, villageId: string, itemId: string) => ({
    PK: village(countyId, villageId),
    SKPrefix: `STOCKMOVE#${itemId}#`,
  }),
  storeSettings: (countyId: string, villageId: string): Key => ({
    PK: village(countyId, villageId),
    SK: 'STORESETTINGS',
  }),
  redemption: (countyId: string, villageId: string, redemptionId: string): Key => ({
    PK: village(countyId, villageId),
    SK: `REDEMPTION#${redemptionId}`,
  }),
  /** A village's redemptions by time, for the day's report and the counter's history. */
  redemptionListing: (countyId: string, villageId: string, at: string, redemptionId: string) => ({
    GSI1PK: `${village(countyId, villageId)}#REDEMPTIONS`,
    GSI1SK: `${at}#${redemptionId}`,
  }),
  redemptionListingPK: (countyId: string, villageId: string) => `${village(countyId, villageId)}#REDEMPTIONS`,
  /**
   * A village's month in one program: the dashboard's unit. It lives in the county partition so
   * a county report is one range query over months, whatever the number of records; GSI1 lets
   * one village read its own months.
   */
  villageMonth: (countyId: string, villageId: string, month: string, programId: string) => ({
    PK: county(countyId),
    SK: `AGG#${month}#${villageId}#${programId}`,
    GSI1PK: `${village(countyId, villageId)}#AGG`,
    GSI1SK: `${month}#${programId}`,
  }),
  villageMonthKey: (countyId: string, villageId: string, month: string, programId: string): Key => ({
    PK: county(countyId),
    SK: `AGG#${month}#${villageId}#${programId}`,
  }),
  villageMonthsPK: (countyId: string, villageId: string) => `${village(countyId, villageId)}#AGG`,
  /** Marks a household active in a month and program, so active households are counted once. */
  activeHousehold: (
    countyId: string,
    villageId: string,
    month: string,
    programId: string,
    householdId: string,
  ): Key => ({
    PK: village(countyId, villageId),
    SK: `ACTIVE#${month}#${programId}#${householdId}`,
  }),
  /** Written when a program's annual reset has been applied to every account, so the job skips it after. */
  expiryDone: (countyId: string, villageId: string, programId: string, resetOn: string): Key => ({
    PK: village(countyId, villageId),
    SK: `EXPIRYDONE#${programId}#${resetOn}`,
  }),
  countyTemplate: (countyId: string, templateId: string): Key => ({
    PK: county(countyId),
    SK: `TEMPLATE#${templateId}`,
  }),
  countyTemplatePrefix: (countyId: string) => ({ PK: county(countyId), SKPrefix: 'TEMPLATE#' }),

  /** Every account of a village, for the public ranking (hundreds of households, one query). */
  villageAccountsPrefix: (countyId: string, villageId: string) => ({
    PK: village(countyId, villageId),
    SKPrefix: 'ACCOUNT#',
  }),
  /** The audit log of a village: newest last in key order, so it reads backwards by time. */
  audit: (countyId: string, villageId: string, at: string, entryId: string): Key => ({
    PK: village(countyId, villageId),
    SK: `AUDIT#${at}#${entryId}`,
  }),
  auditPrefix: (countyId: string, villageId: string) => ({
    PK: village(countyId, villageId),
    SKPrefix: 'AUDIT#',
  }),
  /** The audit log of a county's own users (sign-ins, resets), and of the platform operators. */
  countyAudit: (countyId: string, at: string, entryId: string): Key => ({
    PK: county(countyId),
    SK: `AUDIT#${at}#${entryId}`,
  }),
  platformAudit: (at: string, entryId: string): Key => ({ PK: 'PLATFORM', SK: `AUDIT#${at}#${entryId}` }),
  /** A partner of a county (大方农商银行) and the unique name guard beside it. */
  partner: (countyId: string, partnerId: string): Key => ({
    PK: county(countyId),
    SK: `PARTNER#${partnerId}`,
  }),
  partnerPrefix: (countyId: string) => ({ PK: county(countyId), SKPrefix: 'PARTNER#' }),
  partnerName: (countyId: string, name: string): Key => ({
    PK: county(countyId),
    SK: `PARTNERNAME#${name}`,
  }),
  /** A household's consents, oldest first; withdrawn ones stay as history. */
  consent: (countyId: string, villageId: string, householdId: string, consentId: string): Key => ({
    PK: village(countyId, villageId),
    SK: `CONSENT#${householdId}#${consentId}`,
  }),
  consentPrefix: (countyId: string, villageId: string, householdId: string) => ({
    PK: village(countyId, villageId),
    SKPrefix: `CONSENT#${householdId}#`,
  }),
  /**
   * A household's standing consent to a partner, in the county partition so the partner lists
   * its consenting households across villages with one query; it also guards "one consent in
   * force per household and partner" and, once withdrawn, tells a later look-up where to log.
   */
  partnerHousehold: (countyId: string, partnerId: string, householdId: string): Key => ({
    PK: county(countyId),
    SK: `PARTNERHH#${partnerId}#${householdId}`,
  }),
  partnerHouseholdPrefix: (countyId: string, partnerId: string) => ({
    PK: county(countyId),
    SKPrefix: `PARTNERHH#${partnerId}#`,
  }),
  /** Partner look-ups of one household, by time (查询记录 on the household page). */
  partnerLookup: (countyId: string, villageId: string, householdId: string, at: string, id: string): Key => ({
    PK: village(countyId, villageId),
    SK: `LOOKUP#${householdId}#${at}#${id}`,
  }),
  partnerLookupPrefix: (countyId: string, villageId: string, householdId: string) => ({
    PK: village(countyId, villageId),
    SKPrefix: `LOOKUP#${householdId}#`,
  }),
  /** Look-ups of households the county does not have: logged with the partner, as no village can own them. */
  strayLookup: (countyId: string, partnerId: string, at: string, id: string): Key => ({
    PK: county(countyId),
    SK: `STRAYLOOKUP#${partnerId}#${at}#${id}`,
  }),
  /**
   * Which county a village is in, for the public notice board: its path names only the village.
   * Written when the village is onboarded, so the county comes from the table, never from input.
   */
  villageRef: (villageId: string): Key => ({ PK: `VILLAGEREF#${villageId}`, SK: 'VILLAGEREF' }),

  /** A county's certificate signing keys (public halves only), numbered so the newest sorts last. */
  signingKey: (countyId: string, number: number): Key => ({
    PK: county(countyId),
    SK: `SIGNINGKEY#${String(number).padStart(6, '0')}`,
  }),
  signingKeyPrefix: (countyId: string) => ({ PK: county(countyId), SKPrefix: 'SIGNINGKEY#' }),
  /** Local runtime only: the master seed the signing keys derive from (in AWS it is a secret). */
  signingSeed: (): Key => ({ PK: 'SIGNINGSEED', SK: 'SIGNINGSEED' }),
  /** An issued score certificate, kept in the county partition with the document as signed. */
  certificate: (countyId: string, certificateId: string): Key => ({
    PK: county(countyId),
    SK: `CERT#${certificateId}`,
  }),
  /** A partner's certificates by time, for its portal's list. */
  certificateListing: (countyId: string, partnerId: string, issuedAt: string, certificateId: string) => ({
    GSI1PK: `${county(countyId)}#PARTNER#${partnerId}#CERTS`,
    GSI1SK: `${issuedAt}#${certificateId}`,
  }),
  certificateListingPK: (countyId: string, partnerId: string) =>
    `${county(countyId)}#PARTNER#${partnerId}#CERTS`,

  /** Idempotency records are scoped by the caller's tenant and user, so keys never collide across tenants. */
  idempotency: (scope: string, idempotencyKey: string): Key => ({
    PK: `${scope}#IDEM#${idempotencyKey}`,
    SK: 'IDEM',
  }),
  tenantScope: { county, village },
} as const;
