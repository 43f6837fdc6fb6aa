import { createRoute } from '@hono/zod-openapi';
import { countyReportInputs, listUsers } from '@xjf/data';
import type { Actor } from '@xjf/domain';
import {
  addMonths,
  anomalySignals,
  categoryMix,
  countyAnomaliesSchema,
  countyCategoriesSchema,
  countyFilterQuerySchema,
  countyReportQuerySchema,
  countyTrendSchema,
  countyVillagesReportSchema,
  monthsBetween,
  monthTrend,
  ratesOf,
  reportRange,
  SPIKE_LOOKBACK,
  sumFigures,
  townshipFigures,
  villageFigures,
  villagesCsv,
  villagesTable,
} from '@xjf/domain';
import { actorOf, allow, bearer, countyScopeOf, type Deps, errors, json, router } from '@xjf/http';
import * as z from 'zod';
import { countyParams } from '../tenants/counties.routes';

const tags = ['县级数据看板 County dashboard'];
const countyReaders = ['county_admin', 'county_official'] as const;

type ReportQuery = z.infer<typeof countyFilterQuerySchema>;

/** The comparison as an Excel workbook; the writer is loaded only when a workbook is asked for. */
async function villagesWorkbook(villages: Parameters<typeof villagesTable>[0]) {
  const { default: writeXlsxFile } = await import('write-excel-file/node');
  const { header, rows } = villagesTable(villages);
  return writeXlsxFile([
    header.map((value) => ({ value, fontWeight: 'bold' as const })),
    ...rows.map((row) => row.map((value) => ({ value: value ?? undefined }))),
  ]).toBuffer();
}

export function countyReportsRoutes(deps: Deps) {
  const r = router();

  /** The caller's county (from the token), the range asked for or the default, and its months. */
  const prepare = (actor: Actor, countyId: string, query: ReportQuery) => {
    const scope = countyScopeOf(actor, countyId);
    const range = reportRange(query, deps.clock());
    return { scope, query, range, months: monthsBetween(range.from, range.to) };
  };

  const report = (path: string, summary: string, schema: z.ZodType) =>
    createRoute({
      method: 'get',
      path: `/counties/{countyId}/reports/${path}`,
      tags,
      summary,
      security: bearer,
      middleware: [allow(...countyReaders)] as const,
      request: { params: countyParams, query: countyFilterQuerySchema },
      responses: { 200: json(schema, '报表'), ...errors },
    });

  r.openapi(
    createRoute({
      method: 'get',
      path: '/counties/{countyId}/reports/villages',
      tags,
      summary:
        '各村对比：参与率、户均积分、兑换率、排名与乡镇汇总（format=csv 或 xlsx 导出）Every village compared, with township roll-ups (CSV or Excel export)',
      security: bearer,
      middleware: [allow(...countyReaders)] as const,
      request: { params: countyParams, query: countyReportQuerySchema },
      responses: {
        200: {
          description: '各村对比',
          content: {
            'application/json': { schema: countyVillagesReportSchema },
            'text/csv': { schema: z.string() },
            'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': {
              schema: z.string().meta({ format: 'binary' }),
            },
          },
        },
        ...errors,
      },
    }),
    async (c) => {
      const { scope, query, range, months } = prepare(
        actorOf(c),
        c.req.valid('param').countyId,
        c.req.valid('query'),
      );
      const inputs = await countyReportInputs(deps.db, scope, { ...query, ...range });
      const villages = villageFigures(inputs.villages, inputs.rows, months.length);
      if (c.req.valid('query').format === 'xlsx') {
        const workbook = await villagesWorkbook(villages);
        return c.body(new Uint8Array(workbook), 200, {
          'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
          'content-disposition': `attachment; filename="villages-${range.from}-${range.to}.xlsx"`,
        });
      }
      if (c.req.valid('query').format === 'csv') {
        return c.text(villagesCsv(villages), 200, {
          'content-type': 'text/csv; charset=utf-8',
          'content-disposition': `attachment; filename="villages-${range.from}-${range.to}.csv"`,
        });
      }
      const sums = sumFigures(villages);
      return c.json(
        {
          ...range,
          months,
          program: query.program,
          townshipId: query.township,
          totals: { villages: villages.length, ...sums, ...ratesOf(sums, months.length) },
          townships: townshipFigures(inputs.townships, villages, months.length),
          villages,
        },
        200,
      );
    },
  );

  r.openapi(report('trend', '逐月趋势 The county month by month', countyTrendSchema), async (c) => {
    const { scope, query, range, months } = prepare(
      actorOf(c),
      c.req.valid('param').countyId,
      c.req.valid('query'),
    );
    const inputs = await countyReportInputs(deps.db, scope, { ...query, ...range });
    const households = inputs.villages.reduce((n, v) => n + v.households, 0);
    return c.json({ ...range, months, trend: monthTrend(months, inputs.rows, households) }, 200);
  });

  r.openapi(
    report('categories', '积分类别构成 Which kinds of conduct move', countyCategoriesSchema),
    async (c) => {
      const { scope, query, range, months } = prepare(
        actorOf(c),
        c.req.valid('param').countyId,
        c.req.valid('query'),
      );
      const inputs = await countyReportInputs(deps.db, scope, { ...query, ...range });
      return c.json({ ...range, months, categories: categoryMix(months, inputs.rows) }, 200);
    },
  );

  r.openapi(
    report(
      'anomalies',
      '异常提示：单个积分员占比过高、突增、自审被拒 Signals worth a look',
      countyAnomaliesSchema,
    ),
    async (c) => {
      const { scope, query, range, months } = prepare(
        actorOf(c),
        c.req.valid('param').countyId,
        c.req.valid('query'),
      );
      // Spikes compare each month with the three before it, so read those too.
      const inputs = await countyReportInputs(deps.db, scope, {
        ...query,
        from: addMonths(range.from, -SPIKE_LOOKBACK),
        to: range.to,
      });
      const signals = anomalySignals(months, inputs.rows, inputs.villages);
      // Name the recorders behind flagged villages: one small query per flagged village.
      const named = await Promise.all(
        signals.map(async (s) => {
          if (s.kind !== 'dominant_recorder') return s;
          const users = await listUsers(deps.db, { ...scope, villageId: s.villageId }, { limit: 100 });
          return { ...s, recorderName: users.items.find((u) => u.id === s.recorderId)?.name };
        }),
      );
      return c.json({ ...range, months, signals: named }, 200);
    },
  );

  return r;
}
