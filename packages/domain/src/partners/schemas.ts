import * as z from 'zod';
import { idSchema } from '../ids';
import { isoDateTime, nameText, optionalText } from '../text';
import { tierLevelSchema, tierWindows } from './tiers';

/** A body outside the villages, such as 大方农商银行, that reads consenting households' scores. */
export const partnerCreateSchema = z
  .strictObject({
    name: nameText(40).meta({ example: '大方农商银行' }),
    description: optionalText(200),
    /** The county programs it may read (生态积分). */
    programIds: z.array(idSchema).min(1, '至少选择一个积分项目 (choose a program)').max(5),
  })
  .meta({ id: 'PartnerCreate' });
export type PartnerCreate = z.infer<typeof partnerCreateSchema>;

export const partnerSchema = z
  .object({
    id: idSchema,
    name: z.string(),
    description: z.string().optional(),
    programIds: z.array(idSchema),
    createdAt: isoDateTime,
    createdBy: z.string(),
  })
  .meta({ id: 'Partner' });
export type Partner = z.infer<typeof partnerSchema>;

/** The day a household signed; never in the future. */
export const consentCreateSchema = z
  .strictObject({
    partnerId: idSchema,
    grantedOn: z.iso.date().meta({ example: '2026-05-20' }),
    note: optionalText(200),
  })
  .meta({ id: 'ConsentCreate' });
export type ConsentCreate = z.infer<typeof consentCreateSchema>;

export const consentWithdrawSchema = z
  .strictObject({
    withdrawnOn: z.iso.date().meta({ example: '2026-06-01' }),
    reason: optionalText(200),
  })
  .meta({ id: 'ConsentWithdraw' });
export type ConsentWithdraw = z.infer<typeof consentWithdrawSchema>;

/** A household's consent to one partner: kept for ever, withdrawal included. */
export const consentSchema = z
  .object({
    id: idSchema,
    householdId: idSchema,
    partnerId: idSchema,
    partnerName: z.string(),
    grantedOn: z.iso.date(),
    note: z.string().optional(),
    recordedAt: isoDateTime,
    recordedBy: z.string(),
    withdrawnOn: z.iso.date().optional(),
    withdrawnAt: isoDateTime.optional(),
    withdrawnBy: z.string().optional(),
    withdrawReason: z.string().optional(),
  })
  .meta({ id: 'Consent' });
export type Consent = z.infer<typeof consentSchema>;

export const lookupOutcomes = ['allowed', 'no_consent', 'consent_withdrawn', 'future_date'] as const;
export type LookupOutcome = (typeof lookupOutcomes)[number];

/** One partner look-up of a household, as the household's village sees it (查询记录). */
export const partnerLookupSchema = z
  .object({
    id: idSchema,
    at: isoDateTime,
    householdId: idSchema,
    partnerId: idSchema,
    partnerName: z.string(),
    byUserId: z.string(),
    byName: z.string(),
    asOf: z.iso.date(),
    outcome: z.enum(lookupOutcomes),
    score: z.int().optional(),
    tierLabel: z.string().optional(),
  })
  .meta({ id: 'PartnerLookup' });
export type PartnerLookup = z.infer<typeof partnerLookupSchema>;

/** A consenting household as its partner lists it: enough to find it, nothing more. */
export const partnerHouseholdSchema = z
  .object({
    householdId: idSchema,
    villageId: idSchema,
    villageName: z.string(),
    householdNumber: z.string(),
    headName: z.string(),
    grantedOn: z.iso.date(),
  })
  .meta({ id: 'PartnerHousehold' });
export type PartnerHousehold = z.infer<typeof partnerHouseholdSchema>;

export const partnerHouseholdQuerySchema = z.strictObject({
  /** Part of a member's name or the household number. */
  q: z.string().trim().min(1).max(20).optional(),
  limit: z.coerce.number().int().min(1).max(100).optional(),
  cursor: z.string().max(2048).optional(),
});

export const scoreQuerySchema = z.strictObject({
  /** China day; today when absent; never in the future. */
  asOf: z.iso.date().optional().meta({ example: '2026-05-20' }),
  /** One of the partner's programs; the first when absent. */
  programId: idSchema.optional(),
});

/**
 * A household's score in a program as of a day, as its partner sees it and as a certificate
 * states it: the points earned in the tier window, the tier reached and how it was earned.
 */
export const householdScoreSchema = z
  .object({
    household: z.object({
      id: idSchema,
      number: z.string(),
      headName: z.string(),
      villageId: idSchema,
      villageName: z.string(),
    }),
    county: z.object({ id: idSchema, name: z.string() }),
    partner: z.object({ id: idSchema, name: z.string() }),
    program: z.object({ id: idSchema, name: z.string() }),
    asOf: z.iso.date(),
    window: z.object({ kind: z.enum(tierWindows), from: z.iso.date().optional(), to: z.iso.date() }),
    score: z.int(),
    tier: tierLevelSchema.nullable(),
    nextTier: z.object({ label: z.string(), threshold: z.int(), pointsToGo: z.int() }).nullable(),
    levels: z.array(tierLevelSchema),
    breakdown: z.array(
      z.object({
        category: z.string(),
        ruleName: z.string(),
        ruleCode: z.string().optional(),
        points: z.int(),
        entries: z.int(),
      }),
    ),
    consent: z.object({ id: idSchema, grantedOn: z.iso.date() }),
    lookedUpAt: isoDateTime,
  })
  .meta({ id: 'HouseholdScore' });
export type HouseholdScore = z.infer<typeof householdScoreSchema>;
