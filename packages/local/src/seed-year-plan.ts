import { addMonths, chinaDate, type GridCell, gridDay } from '@xjf/domain';
import { isArticleHousehold } from './seed-households';
import { chance } from './seed-random';

/** Months of 银川村's history, before the running one. */
export const YEAR_MONTHS = 12;

/**
 * One month grid (月度登记) of one program: what the recorder entered on the first working
 * days of the next month and the admin approved the day after. All but last month's have passed
 * their posting and are on the ledger; of last month's, the eco grid is on the notice board now
 * and the 文明积分 grid, entered since, waits in the admin's approval queue.
 */
export type MonthBatch = {
  programName: '文明积分' | '生态积分';
  month: string;
  cells: GridCell[];
  recordedAt: Date;
  /** Absent while the grid waits for approval. */
  approvedAt?: Date;
  stage: 'effective' | 'posted' | 'pending';
};

type Household = { id: string; number: string; headName: string };

const at = (day: string, hour: number) => new Date(`${day}T${String(hour).padStart(2, '0')}:00:00+08:00`);

/**
 * 文明积分 (the 小坡村 civility template): the monthly yard appraisal picks a quarter to a third
 * of the households, the keen ones more often and more so as the year goes on; a few are
 * commended for caring for elders, a few fined for litter; weddings cluster around Spring
 * Festival and National Day; the October round of 自己动手·美化家园 rewards households that did
 * up their own yard.
 */
function civilityCells(h: Household, month: string, index: number): GridCell[] {
  // DOMAIN.md's villagers keep their yards every month: their points are there to try at the counter.
  const model = isArticleHousehold(h);
  const keen = model ? 1 : chance(h.number, 'keen');
  const r = (what: string) => chance(h.number, month, what);
  const monthOfYear = Number(month.slice(5));
  const cells: GridCell[] = [];
  const add = (ruleCode: string, quantity?: number) => cells.push({ householdId: h.id, ruleCode, quantity });
  if (model || r('yard') < 0.12 + 0.28 * keen + (0.06 * index) / YEAR_MONTHS) add('HYG-YARD');
  if (r('filial') < 0.02 + 0.04 * keen) add('FAM-FILIAL');
  if (r('litter') < 0.03 * (1 - keen)) add('DED-LITTER');
  if (r('lavish') < 0.0015) add('DED-LAVISH');
  if (r('wedding') < ([1, 2, 10, 12].includes(monthOfYear) ? 0.012 : 0.003)) add('NEW-WEDDING');
  if (r('funeral') < 0.004) add('NEW-FUNERAL');
  if (monthOfYear === 10 && r('diy') < 0.25 + 0.35 * keen)
    add('HOME-DIY', 40 + 10 * Math.floor(r('diy-area') * 17));
  return cells;
}

/**
 * 生态积分 (大方县's county program): homesteads are measured and registered through the year,
 * a third of households plant under their forest (a few contract large areas, which the cap
 * stops), green travel is assessed once a year, a few lead neighbours into eco farming, flower
 * sacrifices at 清明 and 寒衣节, a rare fire in the burning season. DOMAIN.md's households have
 * only the article's eco records.
 */
function ecoCells(h: Household, month: string, index: number): GridCell[] {
  if (isArticleHousehold(h)) return [];
  const keen = chance(h.number, 'keen');
  const once = (what: string) => Math.floor(chance(h.number, what, 'month') * YEAR_MONTHS) === index;
  const own = (what: string) => chance(h.number, what);
  const r = (what: string) => chance(h.number, month, what);
  const monthOfYear = Number(month.slice(5));
  const cells: GridCell[] = [];
  const add = (ruleCode: string, quantity?: number) => cells.push({ householdId: h.id, ruleCode, quantity });
  // Not every homestead is measured within the year.
  if (Math.floor(own('homestead') * (YEAR_MONTHS + 4)) === index)
    add('ECO-HOMESTEAD', 100 + 10 * Math.floor(own('homestead-area') * 50));
  if (own('forest') < 0.35 && once('forest')) {
    const large = own('forest-large') < 0.04;
    add(
      'ECO-FOREST',
      large ? 50 + 10 * Math.floor(own('forest-mu') * 10) : 2 + Math.floor(own('forest-mu') * 24),
    );
  }
  if (own('travel') < 0.3 && once('travel')) add('ECO-TRAVEL');
  if (own('lead') < 0.03 && once('lead')) add('ECO-LEAD', 3 + Math.floor(own('lead-households') * 28));
  if (monthOfYear === 4 && r('qingming') < 0.4 + 0.25 * keen) add('ECO-SACRIFICE');
  if (monthOfYear === 11 && r('hanyi') < 0.2 + 0.15 * keen) add('ECO-SACRIFICE');
  if ([2, 3, 10, 11].includes(monthOfYear) && r('burn') < 0.005) add('ECO-BURN');
  return cells;
}

/**
 * 银川村's year: a grid per program for each of the YEAR_MONTHS months before this one. Earlier
 * months were recorded on the 2nd of the next month and approved on the 3rd. Last month's eco
 * grid was recorded at its end or since and approved since, so it is on the notice board now;
 * its 文明积分 grid was entered after that approval and waits in the queue (after any record
 * the board sends back for review, which goes back to its place by when it was recorded).
 */
export function yearPlan(households: readonly Household[], now: Date): MonthBatch[] {
  const today = chinaDate(now);
  const months = Array.from({ length: YEAR_MONTHS }, (_, i) => addMonths(today.slice(0, 7), i - YEAR_MONTHS));
  const halfwayToNow = (from: Date) => new Date((from.getTime() + now.getTime()) / 2);
  return months.flatMap((month, index): MonthBatch[] => {
    const civility = households.flatMap((h) => civilityCells(h, month, index));
    const eco = households.flatMap((h) => ecoCells(h, month, index));
    if (index < YEAR_MONTHS - 1) {
      const next = addMonths(month, 1);
      const times = { recordedAt: at(`${next}-02`, 17), approvedAt: at(`${next}-03`, 10) };
      return [
        { programName: '文明积分', month, cells: civility, stage: 'effective', ...times },
        { programName: '生态积分', month, cells: eco, stage: 'effective', ...times },
      ];
    }
    const recordedAt = new Date(
      Math.max(at(gridDay(month, today), 18).getTime(), now.getTime() - 30 * 3_600_000),
    );
    const approvedAt = halfwayToNow(recordedAt);
    return [
      { programName: '生态积分', month, cells: eco, stage: 'posted', recordedAt, approvedAt },
      {
        programName: '文明积分',
        month,
        cells: civility,
        stage: 'pending',
        recordedAt: halfwayToNow(approvedAt),
      },
    ];
  });
}
