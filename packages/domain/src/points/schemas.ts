import * as z from 'zod';
import { idSchema } from '../ids';
import { photoKeySchema } from '../photos/schemas';
import { ruleCodeSchema, ruleSchema } from '../rules/schemas';
import { isoDateTime, optionalText } from '../text';
import { objectionSchema } from './objections';
import { recordStatuses } from './records';

export const recordCreateSchema = z
  .strictObject({
    programId: idSchema,
    householdId: idSchema,
    /** Required when the program keeps accounts per person. */
    memberId: idSchema.optional(),
    ruleCode: ruleCodeSchema,
    quantity: z.number().positive().max(1_000_000).optional(),
    /** The day it happened (China date); never in the future. */
    occurredOn: z.iso.date().meta({ example: '2026-05-20' }),
    note: optionalText(200),
    /** Up to three photos, each uploaded first (`POST …/uploads`, purpose `evidence`). */
    evidence: z.array(photoKeySchema).max(3, '最多 3 张佐证照片 (at most 3 photos)').optional(),
  })
  .meta({ id: 'PointRecordCreate' });
export type RecordCreate = z.infer<typeof recordCreateSchema>;

const explanation = z.object({ zh: z.string(), en: z.string() });

export const pointRecordSchema = z
  .object({
    id: idSchema,
    villageId: idSchema,
    programId: idSchema,
    ruleSetId: idSchema,
    ruleVersion: z.int().positive(),
    /** The rule as it stood in that version: past records never change when rules do. */
    rule: ruleSchema,
    quantity: z.number().optional(),
    occurredOn: z.iso.date(),
    note: z.string().optional(),
    /** Photo keys of the evidence; `evidenceUrls` shows them (signed, for minutes, never stored). */
    evidence: z.array(z.string()).optional(),
    evidenceUrls: z.array(z.string()).optional(),
    householdId: idSchema,
    householdNumber: z.string(),
    headName: z.string(),
    memberId: idSchema.optional(),
    accountRef: z.string(),
    status: z.enum(recordStatuses),
    /** What the rule gives before caps; the capped points are fixed when the record takes effect. */
    estimate: z.int(),
    points: z.int().optional(),
    explanation,
    recordedBy: z.string(),
    recordedByName: z.string(),
    /** Declared by a villager for their own household (村民自主申报); the declarant is `recordedBy`. */
    selfDeclared: z.boolean().optional(),
    createdAt: isoDateTime,
    decidedBy: z.string().optional(),
    decidedAt: isoDateTime.optional(),
    reason: z.string().optional(),
    postedUntil: isoDateTime.optional(),
    effectiveAt: isoDateTime.optional(),
    reversedAt: isoDateTime.optional(),
    /** Objections lodged while it was posted, oldest first; a pending record with any is back for review. */
    objections: z.array(objectionSchema).optional(),
  })
  .meta({ id: 'PointRecord' });
export type PointRecord = z.infer<typeof pointRecordSchema>;

export const decisionSchema = z.strictObject({ reason: optionalText(200) }).meta({ id: 'Decision' });

export const reversalSchema = z
  .strictObject({ reason: z.string().trim().min(2, '请写明冲正原因 (give a reason)').max(200) })
  .meta({ id: 'Reversal' });

export const recordQuerySchema = z.strictObject({
  status: z.enum(recordStatuses).optional(),
  limit: z.coerce.number().int().min(1).max(100).optional(),
  cursor: z.string().max(2048).optional(),
});

export const ledgerEntryKinds = ['earn', 'deduct', 'reversal', 'redeem', 'redeem_cancel', 'expire'] as const;

/**
 * One movement of points on an account. Earning, deducting and reversing come from a point
 * record (with its rule); redeeming and its cancellation come from a store redemption.
 */
export const ledgerEntrySchema = z
  .object({
    accountRef: z.string(),
    programId: idSchema,
    kind: z.enum(ledgerEntryKinds),
    points: z.int(),
    recordId: idSchema.optional(),
    ruleCode: z.string().optional(),
    ruleName: z.string().optional(),
    ruleVersion: z.int().optional(),
    /** The rule's category and the recorder, kept so the dashboard's totals can be rebuilt from the ledger alone. */
    category: z.string().optional(),
    recordedBy: z.string().optional(),
    /** A villager's own declaration: no recorder stands behind it in the dashboard's figures. */
    selfDeclared: z.boolean().optional(),
    redemptionId: idSchema.optional(),
    explanation,
    at: isoDateTime,
    by: z.string(),
    reason: z.string().optional(),
  })
  .meta({ id: 'LedgerEntry' });
export type LedgerEntry = z.infer<typeof ledgerEntrySchema>;

export const accountSchema = z
  .object({
    accountRef: z.string(),
    programId: idSchema,
    householdId: idSchema,
    memberId: idSchema.optional(),
    balance: z.int(),
    earned: z.int(),
    deducted: z.int(),
    spent: z.int(),
    /** Points that lapsed at annual resets (absent until the first). */
    expired: z.int().optional(),
    version: z.int(),
  })
  .meta({ id: 'Account' });
export type Account = z.infer<typeof accountSchema>;

/** A township reviewer's work list: its villages, whether each asked for township review, and what waits. */
export const townshipReviewSchema = z
  .object({
    township: z.object({ id: z.string(), name: z.string() }),
    villages: z.array(
      z.object({
        id: z.string(),
        name: z.string(),
        townshipReview: z.boolean(),
        pending: z.int(),
      }),
    ),
  })
  .meta({ id: 'TownshipReview' });
export type TownshipReview = z.infer<typeof townshipReviewSchema>;

/** At most this many records are decided in one request (a village's month of one rule at most). */
export const MAX_BULK_DECISIONS = 500;

/** Approve or reject a selection at once; each record is still its own transaction. */
export const bulkDecisionSchema = z
  .strictObject({
    action: z.enum(['approve', 'reject']),
    recordIds: z
      .array(idSchema)
      .min(1, '请至少选择一条记录 (select at least one record)')
      .max(MAX_BULK_DECISIONS, `一次最多 ${MAX_BULK_DECISIONS} 条 (at most ${MAX_BULK_DECISIONS} at once)`)
      .refine((ids) => new Set(ids).size === ids.length, '记录重复 (a record is listed twice)'),
    reason: optionalText(200),
  })
  .meta({ id: 'BulkDecision' });

/** What happened to each record of a bulk decision, in the order asked. */
export const bulkDecisionResultSchema = z
  .object({
    results: z.array(
      z.discriminatedUnion('ok', [
        z.object({ recordId: z.string(), ok: z.literal(true), record: pointRecordSchema }),
        z.object({ recordId: z.string(), ok: z.literal(false), code: z.string(), message: z.string() }),
      ]),
    ),
    succeeded: z.int(),
    failed: z.int(),
  })
  .meta({ id: 'BulkDecisionResult' });
