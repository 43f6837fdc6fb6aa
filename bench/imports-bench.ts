import { chinaDate } from '@xjf/domain';
import { type Collector, collecting } from './capture';
import { isWrite } from './commands';
import { round } from './stats';
import type { World } from './world';

const ROWS = 5000;
const HOUSEHOLDS = 2000;

/** A roster (花名册) of 2,000 households, one row per person, 5,000 rows in all. */
function roster() {
  const rows: Record<string, string>[] = [];
  for (let h = 1; rows.length < ROWS; h++) {
    rows.push({
      number: String(h).padStart(4, '0'),
      group: `第${(h % 9) + 1}组`,
      name: `户主${h}`,
      relation: '户主',
    });
    for (let m = 1; m < (h % 4) + 1 && rows.length < ROWS; m++)
      rows.push({ number: '', name: `成员${h}-${m}`, relation: '子女' });
  }
  return rows;
}

export interface ImportResult {
  route: string;
  rows: number;
  seconds: number;
  rowsPerSecond: number;
  roundTrips: number;
  writeUnits: number;
}

async function timed(route: string, work: () => Promise<unknown>): Promise<ImportResult> {
  const collector: Collector = { commands: [] };
  const started = performance.now();
  await collecting(collector, work);
  const seconds = (performance.now() - started) / 1000;
  return {
    route,
    rows: ROWS,
    seconds: round(seconds),
    rowsPerSecond: round(ROWS / seconds),
    roundTrips: collector.commands.length,
    writeUnits: round(collector.commands.filter((c) => isWrite(c.name)).reduce((s, c) => s + c.units, 0)),
  };
}

/** Both 5,000-row imports, one request each, into a village of their own: the roster, then its records. */
export async function benchImports(w: World, progress: (line: string) => void) {
  const { imports: v } = w;
  const rows = roster();
  if (rows.filter((r) => r.number).length !== HOUSEHOLDS)
    throw new Error('the roster should have 2,000 households');
  const rosterResult = await timed('POST households/import', () =>
    w.call('POST', `${v.base}/households/import`, v.adminToken, { rows }),
  );
  progress(`roster import: ${ROWS} rows in ${rosterResult.seconds} s (${rosterResult.rowsPerSecond} rows/s)`);
  const date = chinaDate(new Date());
  const records = Array.from({ length: ROWS }, (_, i) => ({
    household: String((i % HOUSEHOLDS) + 1).padStart(4, '0'),
    ruleCode: 'GRANT',
    date,
    // Identical rows are refused as duplicates; the note tells them apart.
    note: `第 ${i + 1} 条`,
  }));
  const recordResult = await timed('POST point-records/import', () =>
    w.call('POST', `${v.base}/point-records/import`, v.recorderToken, {
      programId: v.programId,
      rows: records,
    }),
  );
  progress(
    `point-record import: ${ROWS} rows in ${recordResult.seconds} s (${recordResult.rowsPerSecond} rows/s)`,
  );
  return [rosterResult, recordResult];
}
