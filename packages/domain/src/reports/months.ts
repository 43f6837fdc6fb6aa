import * as z from 'zod';
import { ValidationError } from '../errors';
import { idSchema } from '../ids';
import { monthSchema } from '../points/grid';
import { nameText } from '../text';
import { monthOf } from './aggregates';

/** A report covers at most three years: enough for any comparison, bounded in cost. */
export const MAX_REPORT_MONTHS = 36;
/** Without a range, a report shows the last half year up to this month. */
export const DEFAULT_REPORT_MONTHS = 6;

/** `2026-01` plus 2 is `2026-03`; negative counts go back. */
export function addMonths(month: string, count: number): string {
  const [year = 0, m = 1] = month.split('-').map(Number);
  const index = year * 12 + (m - 1) + count;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** Every month from `from` to `to`, both included. */
export function monthsBetween(from: string, to: string): string[] {
  const out: string[] = [];
  for (let m = from; m <= to && out.length <= MAX_REPORT_MONTHS; m = addMonths(m, 1)) out.push(m);
  return out;
}

const rangeFields = {
  from: monthSchema.optional(),
  to: monthSchema.optional(),
};

/** A reversed or too-long range names the field to fix. */
function checkRange(q: { from?: string; to?: string }, ctx: z.RefinementCtx) {
  if (!q.from || !q.to) return;
  if (q.from > q.to) {
    ctx.addIssue({ code: 'custom', path: ['to'], message: '结束月份早于开始月份 (the range is reversed)' });
  } else if (monthsBetween(q.from, q.to).length > MAX_REPORT_MONTHS) {
    ctx.addIssue({
      code: 'custom',
      path: ['from'],
      message: `最多 ${MAX_REPORT_MONTHS} 个月 (at most ${MAX_REPORT_MONTHS} months)`,
    });
  }
}

const filterFields = {
  ...rangeFields,
  township: idSchema.optional().meta({ description: '只看一个乡镇 (one township only)' }),
  program: nameText(30)
    .optional()
    .meta({ description: '积分项目名称，如 生态积分 (a program name: villages name their own programs)' }),
};

/** The filter every county report takes. */
export const countyFilterQuerySchema = z.strictObject(filterFields).superRefine(checkRange);

/** The village comparison's filter, which can also come as a CSV file. */
export const countyReportQuerySchema = z
  .strictObject({
    ...filterFields,
    format: z
      .enum(['json', 'csv', 'xlsx'])
      .optional()
      .meta({ description: 'csv: UTF-8 带 BOM，Excel 可直接打开；xlsx: Excel 工作簿' }),
  })
  .superRefine(checkRange);
export type CountyReportQuery = z.infer<typeof countyReportQuerySchema>;

export const villageReportQuerySchema = z.strictObject(rangeFields).superRefine(checkRange);

/** The range asked for, or the default half year ending in the current China month. */
export function reportRange(q: { from?: string; to?: string }, now: Date): { from: string; to: string } {
  const to = q.to ?? (q.from && q.from > monthOf(now.toISOString()) ? q.from : monthOf(now.toISOString()));
  const from = q.from ?? addMonths(to, -(DEFAULT_REPORT_MONTHS - 1));
  if (monthsBetween(from, to).length > MAX_REPORT_MONTHS) {
    throw new ValidationError(`最多 ${MAX_REPORT_MONTHS} 个月 (at most ${MAX_REPORT_MONTHS} months)`, {
      from: `最早为 ${addMonths(to, 1 - MAX_REPORT_MONTHS)}`,
    });
  }
  return { from, to };
}
