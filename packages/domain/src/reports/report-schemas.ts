import * as z from 'zod';
import { idSchema } from '../ids';
import { isoDateTime } from '../text';

const rate = z
  .number()
  .nullable()
  .meta({ description: '0–1；分母为 0 时为 null (null when nothing to divide by)' });
const sums = {
  households: z.int().meta({ description: '花名册户数 (households on the roster)' }),
  activeHouseholdMonths: z
    .int()
    .meta({ description: '各月活跃户数之和 (active households summed over months)' }),
  earned: z.int(),
  deducted: z.int(),
  redeemed: z.int(),
  records: z.int(),
  participationRate: rate,
  pointsPerHousehold: z.number().nullable(),
  redemptionRate: rate,
};
const range = { from: z.string(), to: z.string(), months: z.array(z.string()) };

export const villageFiguresSchema = z
  .object({
    villageId: idSchema,
    villageName: z.string(),
    townshipId: idSchema,
    townshipName: z.string(),
    ...sums,
    categories: z.record(z.string(), z.int()),
    active: z.boolean().meta({
      description:
        '范围内录入过积分；否则为未开展，不参与排名 (recorded points in the range; otherwise not started, unranked)',
    }),
    rankInCounty: z.int().nullable().meta({
      description: '在开展的村中的名次；未开展为 null (among active villages; null when not started)',
    }),
    rankInTownship: z.int().nullable(),
  })
  .meta({ id: 'VillageFigures' });

export const townshipFiguresSchema = z
  .object({ townshipId: idSchema, townshipName: z.string(), villages: z.int(), ...sums })
  .meta({ id: 'TownshipFigures' });

export const countyVillagesReportSchema = z
  .object({
    ...range,
    program: z.string().optional(),
    townshipId: idSchema.optional(),
    totals: z.object({ villages: z.int(), ...sums }),
    townships: z.array(townshipFiguresSchema),
    villages: z.array(villageFiguresSchema),
  })
  .meta({ id: 'CountyVillagesReport' });
export type CountyVillagesReport = z.infer<typeof countyVillagesReportSchema>;

export const trendMonthSchema = z
  .object({
    month: z.string(),
    earned: z.int(),
    deducted: z.int(),
    redeemed: z.int(),
    records: z.int(),
    activeHouseholds: z.int(),
    participationRate: rate,
  })
  .meta({ id: 'TrendMonth' });

export const countyTrendSchema = z
  .object({ ...range, trend: z.array(trendMonthSchema) })
  .meta({ id: 'CountyTrend' });

export const countyCategoriesSchema = z
  .object({
    ...range,
    categories: z.array(
      z.object({ category: z.string(), points: z.int(), share: z.number(), byMonth: z.array(z.int()) }),
    ),
  })
  .meta({ id: 'CountyCategories' });

export const signalSchema = z
  .object({
    kind: z.enum(['dominant_recorder', 'spike', 'refused_self_approvals']),
    villageId: idSchema,
    villageName: z.string(),
    townshipName: z.string(),
    value: z.number().meta({ description: '积分或次数 (points, or refusals)' }),
    month: z.string().optional(),
    baseline: z
      .number()
      .optional()
      .meta({ description: '前三个月的月均获得积分 (mean of the three months before)' }),
    share: z.number().optional(),
    recorderId: z.string().optional(),
    recorderName: z.string().optional(),
  })
  .meta({ id: 'AnomalySignal' });

export const countyAnomaliesSchema = z
  .object({ ...range, signals: z.array(signalSchema) })
  .meta({ id: 'CountyAnomalies' });

/** `of` counts the active villages only; `rank` is null for a village that has not started (未开展). */
const rank = z.object({ rank: z.int().nullable(), of: z.int() });

/** A village's own figures and its standing: ranks only, never another village's numbers. */
export const villageSummarySchema = z
  .object({
    ...range,
    villageId: idSchema,
    villageName: z.string(),
    townshipName: z.string(),
    figures: villageFiguresSchema.omit({ rankInCounty: true, rankInTownship: true }),
    rank: z.object({ township: rank, county: rank }),
    trend: z.array(trendMonthSchema),
    topHouseholds: z.array(
      z.object({
        householdId: idSchema,
        number: z.string(),
        headName: z.string(),
        balance: z.int(),
        earned: z.int(),
      }),
    ),
    recentPostings: z.array(
      z.object({
        recordId: idSchema,
        householdNumber: z.string(),
        headName: z.string(),
        ruleName: z.string(),
        points: z.int(),
        occurredOn: z.string(),
        postedUntil: isoDateTime.optional(),
      }),
    ),
  })
  .meta({ id: 'VillageSummary' });
export type VillageSummary = z.infer<typeof villageSummarySchema>;
