import * as z from 'zod';
import { nameText } from '../text';

/**
 * Tiers turn points **earned** over a window into a benefit a partner grants (a bank's loan
 * rate). They never look at the spendable balance: spending points on rice must not cost a
 * villager a loan discount.
 */
export const tierWindows = ['rolling12', 'calendarYear', 'ever'] as const;
export type TierWindow = (typeof tierWindows)[number];

export const MAX_TIER_LEVELS = 10;

export const tierLevelSchema = z
  .strictObject({
    /** The least score that reaches this level. */
    threshold: z.int('门槛须为整数 (whole points)').min(1, '门槛至少 1 分 (at least 1 point)').max(1_000_000),
    label: nameText(20).meta({ example: '银卡' }),
    /** The benefit in words, as the partner states it. */
    benefit: nameText(100).meta({ example: '贷款月利率 4.5‰' }),
  })
  .meta({ id: 'TierLevel' });
export type TierLevel = z.infer<typeof tierLevelSchema>;

export const tiersSchema = z
  .strictObject({
    window: z.enum(tierWindows),
    levels: z
      .array(tierLevelSchema)
      .min(1, '至少一个等级 (at least one level)')
      .max(MAX_TIER_LEVELS, `最多 ${MAX_TIER_LEVELS} 个等级 (at most ${MAX_TIER_LEVELS} levels)`),
  })
  .superRefine((tiers, ctx) => {
    tiers.levels.forEach((level, i) => {
      const before = tiers.levels[i - 1];
      if (before && level.threshold <= before.threshold)
        ctx.addIssue({
          code: 'custom',
          path: ['levels', i, 'threshold'],
          message: '门槛须由低到高且互不相同 (thresholds must ascend, each distinct)',
        });
    });
  })
  .meta({ id: 'Tiers' });
export type Tiers = z.infer<typeof tiersSchema>;
