import * as z from 'zod';
import { idSchema } from '../ids';
import { isoDateTime, optionalText } from '../text';

/** A basket fits in one DynamoDB transaction (each line writes the item and its movement). */
export const MAX_BASKET_LINES = 40;

export const redemptionLineInputSchema = z.strictObject({
  itemId: idSchema,
  quantity: z.int('数量须为正整数 (a whole number)').min(1, '数量须为正整数 (at least 1)').max(999),
  /** The price the clerk saw; if it changed meanwhile nothing is sold (409 with the new price). */
  price: z.int().min(1).max(100_000),
});

export const redemptionCreateSchema = z
  .strictObject({
    householdId: idSchema,
    /** Required when the store's program keeps accounts per person. */
    memberId: idSchema.optional(),
    lines: z
      .array(redemptionLineInputSchema)
      .min(1, '购物篮是空的 (the basket is empty)')
      .max(MAX_BASKET_LINES)
      .refine(
        (lines) => new Set(lines.map((l) => l.itemId)).size === lines.length,
        '同一商品请合并为一行 (one line per item)',
      ),
  })
  .meta({ id: 'RedemptionCreate' });
export type RedemptionCreate = z.infer<typeof redemptionCreateSchema>;

export const redemptionLineSchema = z.object({
  itemId: idSchema,
  name: z.string(),
  unit: z.string(),
  quantity: z.int(),
  price: z.int(),
  points: z.int(),
});
export type RedemptionLine = z.infer<typeof redemptionLineSchema>;

export const redemptionSchema = z
  .object({
    id: idSchema,
    /** Short code printed on the receipt and read back at the counter. */
    code: z.string(),
    householdId: idSchema,
    householdNumber: z.string(),
    headName: z.string(),
    group: z.string(),
    memberId: idSchema.optional(),
    programId: idSchema,
    accountRef: z.string(),
    lines: z.array(redemptionLineSchema),
    total: z.int(),
    status: z.enum(['completed', 'cancelled']),
    at: isoDateTime,
    by: z.string(),
    byName: z.string(),
    cancelledAt: isoDateTime.optional(),
    cancelledBy: z.string().optional(),
    cancelReason: z.string().optional(),
  })
  .meta({ id: 'Redemption' });
export type Redemption = z.infer<typeof redemptionSchema>;

/**
 * The answer at the counter: the redemption and the account's balance read right after it. A
 * replay after a lost response carries the redemption alone (the balance was never read).
 */
export const redemptionReceiptSchema = redemptionSchema
  .extend({ balanceAfter: z.int().optional() })
  .meta({ id: 'RedemptionReceipt' });

export const redemptionCancelSchema = z
  .strictObject({ reason: z.string().trim().min(2, '请写明撤销原因 (give a reason)').max(200) })
  .meta({ id: 'RedemptionCancel' });

export const redemptionQuerySchema = z.strictObject({
  /** A China date: that day's redemptions (default today). */
  date: z.iso.date().optional(),
  householdId: idSchema.optional(),
  limit: z.coerce.number().int().min(1).max(100).optional(),
  cursor: z.string().max(2048).optional(),
});

const dayOfMonth = z.int().min(1).max(31);

/**
 * When the counter is open. `restricted: false` means any day; otherwise a day is open when it
 * is one of the weekdays, one of the days of the month, or inside a period (季度兑分日).
 */
export const redemptionDaysSchema = z.strictObject({
  restricted: z.boolean(),
  /** 1 = Monday … 7 = Sunday */
  weekdays: z.array(z.int().min(1).max(7)).max(7).default([]),
  monthDays: z.array(dayOfMonth).max(31).default([]),
  periods: z
    .array(
      z
        .strictObject({ from: z.iso.date(), to: z.iso.date(), label: optionalText(20) })
        .refine((p) => p.from <= p.to, {
          message: '结束日期早于开始日期 (ends before it starts)',
          path: ['to'],
        }),
    )
    .max(50)
    .default([]),
});
export type RedemptionDays = z.infer<typeof redemptionDaysSchema>;

export const storeSettingsSchema = z
  .object({
    /** The program whose points are spent at the counter. */
    programId: idSchema.optional(),
    /** An admin may cancel a redemption within this many days (0: never). */
    cancelWithinDays: z.int().min(0).max(90),
    redemptionDays: redemptionDaysSchema,
    updatedAt: isoDateTime.optional(),
  })
  .meta({ id: 'StoreSettings' });
export type StoreSettings = z.infer<typeof storeSettingsSchema>;

export const storeSettingsPutSchema = z
  .strictObject({
    programId: idSchema,
    cancelWithinDays: z.int().min(0).max(90),
    redemptionDays: redemptionDaysSchema,
  })
  .meta({ id: 'StoreSettingsPut' });
export type StoreSettingsPut = z.infer<typeof storeSettingsPutSchema>;

export const DEFAULT_STORE_SETTINGS: StoreSettings = {
  cancelWithinDays: 7,
  redemptionDays: { restricted: false, weekdays: [], monthDays: [], periods: [] },
};
