import type { VillageFigures } from './figures';

/** Excel reads a UTF-8 file as the local code page unless it starts with a byte order mark. */
const BOM = '\uFEFF';

/** Quotes a cell when needed; text that a spreadsheet would run as a formula is defused. */
function cell(value: string | number | null): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

const percent = (r: number | null) => (r === null ? null : Math.round(r * 1000) / 10);
const oneDecimal = (n: number | null) => (n === null ? null : Math.round(n * 10) / 10);

/** What the rank columns say for a village that has recorded nothing in the range. */
export const NOT_STARTED = '未开展';

/** The village comparison as a table: Chinese headers, one row per village, ranks included. */
export function villagesTable(villages: readonly VillageFigures[]) {
  const header = [
    '全县排名',
    '乡镇',
    '乡镇内排名',
    '村',
    '户数',
    '参与率(%)',
    '获得积分',
    '扣减积分',
    '兑换积分',
    '户均积分',
    '兑换率(%)',
    '记录数',
  ];
  const rows = villages.map((v) => [
    v.rankInCounty ?? NOT_STARTED,
    v.townshipName,
    v.rankInTownship ?? NOT_STARTED,
    v.villageName,
    v.households,
    percent(v.participationRate),
    v.earned,
    v.deducted,
    v.redeemed,
    oneDecimal(v.pointsPerHousehold),
    percent(v.redemptionRate),
    v.records,
  ]);
  return { header, rows };
}

/** The village comparison as a CSV file that Excel opens in Chinese. */
export function villagesCsv(villages: readonly VillageFigures[]): string {
  const { header, rows } = villagesTable(villages);
  return `${BOM}${[header, ...rows].map((r) => r.map(cell).join(',')).join('\r\n')}\r\n`;
}
