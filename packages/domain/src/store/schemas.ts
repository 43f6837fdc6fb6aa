import * as z from 'zod';
import { idSchema } from '../ids';
import { photoKeySchema } from '../photos/schemas';
import { isoDateTime, nameText, optionalText } from '../text';

/** Whole points, as villagers count them; no item costs more than a year of good conduct. */
const pointsPrice = z.int('价格须为整数积分 (a whole number of points)').min(1).max(100_000);

export const storeItemCreateSchema = z
  .strictObject({
    name: nameText(30).meta({ example: '大米' }),
    price: pointsPrice.meta({ example: 10 }),
    /** 袋, 瓶, 块: what one unit at the counter is. */
    unit: nameText(6).meta({ example: '袋' }),
    /** Uploaded first (`POST …/uploads`, purpose `item`). */
    photoKey: photoKeySchema.optional(),
    /** Warn when stock on hand falls to this. */
    lowStockAt: z.int().min(0).max(100_000).default(5),
  })
  .meta({ id: 'StoreItemCreate' });
export type StoreItemCreate = z.infer<typeof storeItemCreateSchema>;

export const storeItemPatchSchema = z
  .strictObject({
    name: nameText(30).optional(),
    price: pointsPrice.optional(),
    unit: nameText(6).optional(),
    /** null takes the photo off the item. */
    photoKey: photoKeySchema.nullable().optional(),
    lowStockAt: z.int().min(0).max(100_000).optional(),
    /** Retired items leave the counter but keep their history; nothing is ever deleted. */
    retired: z.boolean().optional(),
  })
  .refine((p) => Object.keys(p).length > 0, '没有要修改的内容 (nothing to change)')
  .meta({ id: 'StoreItemPatch' });
export type StoreItemPatch = z.infer<typeof storeItemPatchSchema>;

export const storeItemSchema = z
  .object({
    id: idSchema,
    name: z.string(),
    price: z.int(),
    unit: z.string(),
    photoKey: z.string().optional(),
    /** Made from `photoKey` for each answer: signed, works for minutes, never stored. */
    photoUrl: z.string().optional(),
    stock: z.int(),
    lowStockAt: z.int(),
    status: z.enum(['active', 'retired']),
    createdAt: isoDateTime,
    updatedAt: isoDateTime,
  })
  .meta({ id: 'StoreItem' });
export type StoreItem = z.infer<typeof storeItemSchema>;

export const intakeSources = ['donation', 'purchase', 'other'] as const;

/** What a person may do to stock by hand; redemptions and cancellations move it themselves. */
export const stockMovementCreateSchema = z
  .discriminatedUnion('kind', [
    z.strictObject({
      kind: z.literal('intake'),
      quantity: z.int().min(1).max(100_000),
      /** 捐赠 or 采购 */
      source: z.enum(intakeSources),
      /** What the village paid, in yuan (purchases). */
      costYuan: z.number().min(0).max(10_000_000).multipleOf(0.01).optional(),
      note: optionalText(100),
    }),
    z.strictObject({
      kind: z.literal('adjustment'),
      /** Positive when stock was found, negative when lost or spoiled. */
      delta: z
        .int()
        .min(-100_000)
        .max(100_000)
        .refine((d) => d !== 0, '调整数量不能为 0 (cannot be 0)'),
      reason: z.string().trim().min(2, '请写明调整原因 (give a reason)').max(100),
    }),
  ])
  .meta({ id: 'StockMovementCreate' });
export type StockMovementCreate = z.infer<typeof stockMovementCreateSchema>;

export const stockMovementKinds = ['intake', 'adjustment', 'redemption', 'cancellation'] as const;

export const stockMovementSchema = z
  .object({
    id: idSchema,
    itemId: idSchema,
    kind: z.enum(stockMovementKinds),
    /** Signed change to stock on hand; stock always equals the sum of an item's deltas. */
    delta: z.int(),
    source: z.enum(intakeSources).optional(),
    costYuan: z.number().optional(),
    note: z.string().optional(),
    reason: z.string().optional(),
    redemptionId: idSchema.optional(),
    at: isoDateTime,
    by: z.string(),
  })
  .meta({ id: 'StockMovement' });
export type StockMovement = z.infer<typeof stockMovementSchema>;
