/** Large totals read better in 万 in Chinese (12.3万); English keeps grouped digits. */
export function formatPoints(n: number | null | undefined, lng: string): string {
  if (n === null || n === undefined) return '—';
  if (lng !== 'en' && Math.abs(n) >= 100_000) return `${(n / 10_000).toFixed(1)}万`;
  return Math.round(n).toLocaleString(lng === 'en' ? 'en-US' : 'zh-CN');
}

/** A rate as a percentage with one decimal: 0.4163 → 41.6%. */
export const formatRate = (r: number | null | undefined) =>
  r === null || r === undefined ? '—' : `${(r * 100).toFixed(1)}%`;

export const oneDecimal = (n: number | null | undefined) =>
  n === null || n === undefined ? '—' : (Math.round(n * 10) / 10).toFixed(1);

/** 2026-05 → 5月 (or 2026年5月 when the range crosses a year); 2026-05 in English. */
export function formatMonth(month: string, lng: string, withYear = false): string {
  if (lng === 'en') return month;
  const [year = '', m = ''] = month.split('-');
  return `${withYear ? `${year}年` : ''}${Number(m)}月`;
}

export const monthLabels = (months: readonly string[], lng: string) => {
  const years = new Set(months.map((m) => m.slice(0, 4)));
  return months.map((m) => formatMonth(m, lng, years.size > 1));
};
