import { BatchGetCommand } from '@aws-sdk/lib-dynamodb';
import {
  chinaDate,
  chinaDayEnd,
  chinaDayStart,
  ForbiddenError,
  type HouseholdScore,
  householdScoreSchema,
  type LedgerEntry,
  ledgerEntrySchema,
  NotFoundError,
  partnerSchema,
  scoreOf,
  tierOf,
  tierWindowDays,
  ValidationError,
} from '@xjf/domain';
import type { Db } from '../client';
import { getHousehold } from '../households/households';
import { keys } from '../keys';
import { queryPage } from '../page';
import { getProgram } from '../rules/programs';
import { getCounty } from '../tenants/counties';
import { getVillage } from '../tenants/villages';
import { findCountyHousehold, type LookupOutcome, logLookup, logStrayLookup } from './lookups';

/** A signed-in partner user, from the token alone (see `partnerScopeOf` in @xjf/http). */
export type PartnerActorScope = { countyId: string; partnerId: string; userId: string; name: string };

type Standing = { villageId: string; consentId: string; grantedOn: string; withdrawnAt?: string };

const refusals: Record<Exclude<LookupOutcome, 'allowed'>, () => Error> = {
  no_consent: () =>
    new ForbiddenError('该农户未授权本机构查询 (the household has not consented to you)', 'no_consent'),
  consent_withdrawn: () =>
    new ForbiddenError('该农户已撤回授权 (the household withdrew its consent)', 'consent_withdrawn'),
  future_date: () =>
    new ValidationError(
      '查询日期不能晚于今天 (the date cannot be in the future)',
      { asOf: 'future' },
      'future_date',
    ),
};

/**
 * A consenting household's score for a partner, as of a China day (today when absent). Every
 * look-up, allowed or refused, is logged in the household's village (audit log and 查询记录);
 * a household the county does not have is a 404, logged with the partner.
 *
 * Consent is judged at the moment of the look-up: a consent in force covers the household's
 * history, so a past `asOf` before the consent day is allowed; a withdrawn consent refuses every
 * date. A future `asOf` is refused (and logged), since no score exists for it yet.
 */
export async function partnerHouseholdScore(
  db: Db,
  partner: PartnerActorScope,
  householdId: string,
  asOf: string | undefined,
  now: Date,
  programId?: string,
): Promise<HouseholdScore> {
  const day = asOf ?? chinaDate(now);
  const { partnerItem, standing } = await readStanding(db, partner, householdId);
  if (!partnerItem) throw new ForbiddenError('合作机构不存在 (no such partner)', 'no_partner');
  const villageId =
    standing?.villageId ?? (await findCountyHousehold(db, partner.countyId, householdId))?.villageId;
  if (!villageId) {
    await logStrayLookup(db, partner, householdId, day, now);
    throw new NotFoundError('农户 (household)');
  }
  const scope = { countyId: partner.countyId, villageId };
  const log = { db, scope, partner, partnerName: partnerItem.name, householdId, asOf: day, now };
  const refused =
    day > chinaDate(now)
      ? 'future_date'
      : !standing
        ? 'no_consent'
        : standing.withdrawnAt
          ? 'consent_withdrawn'
          : undefined;
  const wanted = programId ?? partnerItem.programIds[0];
  if (refused || !standing || !wanted) {
    await logLookup({ ...log, outcome: refused ?? 'no_consent' });
    throw refusals[refused ?? 'no_consent']();
  }
  if (!partnerItem.programIds.includes(wanted))
    throw new ForbiddenError('本机构无权查看该积分项目 (not one of your programs)', 'not_partner_program');

  const [household, village, county, program] = await Promise.all([
    getHousehold(db, scope, householdId),
    getVillage(db, scope),
    getCounty(db, { countyId: partner.countyId }),
    // A partner reads county programs only (their ids are the same in every village).
    getProgram(db, { countyId: partner.countyId }, wanted),
  ]);
  const window = tierWindowDays(program.tiers?.window ?? 'ever', day);
  const entries = await windowEntries(db, scope, householdId, window);
  const { score, breakdown } = scoreOf(entries, program.id, window);
  const { tier, next } = tierOf(program.tiers?.levels ?? [], score);
  await logLookup({
    ...log,
    outcome: 'allowed',
    score,
    tierLabel: tier?.label,
    householdNumber: household.number,
  });
  return householdScoreSchema.parse({
    household: {
      id: household.id,
      number: household.number,
      headName: household.headName,
      villageId,
      villageName: village.name,
    },
    county: { id: county.id, name: county.name },
    partner: { id: partner.partnerId, name: partnerItem.name },
    program: { id: program.id, name: program.name },
    asOf: day,
    window: { kind: program.tiers?.window ?? 'ever', ...window },
    score,
    tier,
    nextTier: next,
    levels: program.tiers?.levels ?? [],
    breakdown,
    consent: { id: standing.consentId, grantedOn: standing.grantedOn },
    lookedUpAt: now.toISOString(),
  });
}

/** The partner and the household's standing consent to it, in one read of the county partition. */
async function readStanding(db: Db, partner: PartnerActorScope, householdId: string) {
  const partnerKey = keys.partner(partner.countyId, partner.partnerId);
  const standingKey = keys.partnerHousehold(partner.countyId, partner.partnerId, householdId);
  const out = await db.doc.send(
    new BatchGetCommand({ RequestItems: { [db.tableName]: { Keys: [partnerKey, standingKey] } } }),
  );
  const items = out.Responses?.[db.tableName] ?? [];
  const partnerItem = items.find((i) => i.SK === partnerKey.SK);
  const standingItem = items.find((i) => i.SK === standingKey.SK);
  return {
    partnerItem: partnerItem ? partnerSchema.parse(partnerItem) : undefined,
    standing: standingItem as Standing | undefined,
  };
}

/** The household's ledger entries dated within the window's China days, every program. */
async function windowEntries(
  db: Db,
  scope: { countyId: string; villageId: string },
  householdId: string,
  window: { from?: string; to: string },
) {
  const { PK, SKPrefix } = keys.householdLedgerPrefix(scope.countyId, scope.villageId, householdId);
  const from = `${SKPrefix}${window.from ? chinaDayStart(window.from) : ''}`;
  const to = `${SKPrefix}${chinaDayEnd(window.to)}`;
  const entries: LedgerEntry[] = [];
  let cursor: string | undefined;
  do {
    const page = await queryPage(
      db,
      {
        partition: { name: 'PK', value: PK },
        sortCondition: { expression: '#sk BETWEEN :from AND :to', values: { ':from': from, ':to': to } },
        cursor,
      },
      (item) => ledgerEntrySchema.parse(item),
    );
    entries.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return entries;
}
