import { allPages, api, call, type Schemas } from '../../lib/api';

export type Partner = Schemas['Partner'];
export type Consent = Schemas['Consent'];
export type PartnerLookup = Schemas['PartnerLookup'];
export type PartnerHousehold = Schemas['PartnerHousehold'];
export type Tiers = Schemas['Tiers'];
export type Program = Schemas['Program'];

export const listPartners = async (countyId: string) =>
  (await call(api().GET('/api/counties/{countyId}/partners', { params: { path: { countyId } } }))).items;

export const createPartner = (countyId: string, body: Schemas['PartnerCreate'], key: string) =>
  call(
    api().POST('/api/counties/{countyId}/partners', {
      params: { path: { countyId }, header: { 'idempotency-key': key } },
      body,
    }),
  );

export const countyPrograms = (countyId: string) =>
  allPages((cursor) =>
    call(
      api().GET('/api/counties/{countyId}/programs', { params: { path: { countyId }, query: { cursor } } }),
    ),
  );

export const countyUsers = (countyId: string) =>
  allPages((cursor) =>
    call(api().GET('/api/counties/{countyId}/users', { params: { path: { countyId }, query: { cursor } } })),
  );

type HouseholdPath = { villageId: string; householdId: string };

export const listConsents = async (path: HouseholdPath) =>
  (await call(api().GET('/api/villages/{villageId}/households/{householdId}/consents', { params: { path } })))
    .items;

export const grantConsent = (path: HouseholdPath, body: Schemas['ConsentCreate'], key: string) =>
  call(
    api().POST('/api/villages/{villageId}/households/{householdId}/consents', {
      params: { path, header: { 'idempotency-key': key } },
      body,
    }),
  );

export const withdrawConsent = (
  path: HouseholdPath & { consentId: string },
  body: Schemas['ConsentWithdraw'],
  key: string,
) =>
  call(
    api().POST('/api/villages/{villageId}/households/{householdId}/consents/{consentId}/withdraw', {
      params: { path, header: { 'idempotency-key': key } },
      body,
    }),
  );

export const listLookups = (path: HouseholdPath) =>
  call(
    api().GET('/api/villages/{villageId}/households/{householdId}/partner-lookups', {
      params: { path, query: { limit: 50 } },
    }),
  );

export const partnerProfile = () => call(api().GET('/api/partner/profile'));

export const partnerHouseholds = (query: { q?: string; cursor?: string }) =>
  call(api().GET('/api/partner/households', { params: { query: { ...query, limit: 20 } } }));

export const householdScore = (householdId: string, query: { asOf?: string; programId?: string }) =>
  call(
    api().GET('/api/partner/households/{householdId}/score', { params: { path: { householdId }, query } }),
  );

/** Tiers are a PATCH of the program: a village's own, or the county's for a county-wide one. */
export const saveTiers = (
  owner: { villageId: string } | { countyId: string },
  programId: string,
  tiers: Tiers | null,
) =>
  'villageId' in owner
    ? call(
        api().PATCH('/api/villages/{villageId}/programs/{programId}', {
          params: { path: { villageId: owner.villageId, programId } },
          body: { tiers },
        }),
      )
    : call(
        api().PATCH('/api/counties/{countyId}/programs/{programId}', {
          params: { path: { countyId: owner.countyId, programId } },
          body: { tiers },
        }),
      );

export type HouseholdScore = Awaited<ReturnType<typeof householdScore>>;
