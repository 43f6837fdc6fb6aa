// Dates are shown in China Standard Time whatever the viewer's clock says: an expiry date
// must read the same in the county office and on a laptop set to UTC.
const TIME_ZONE = 'Asia/Shanghai';

const partsFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone: TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

function partsOf(iso: string) {
  const parts: Record<string, string> = {};
  for (const p of partsFormat.formatToParts(new Date(iso))) parts[p.type] = p.value;
  return {
    year: parts.year ?? '',
    month: parts.month ?? '',
    day: parts.day ?? '',
    hour: parts.hour ?? '',
    minute: parts.minute ?? '',
  };
}

/** 2026年5月31日 in Chinese, 2026-05-31 in English. */
export function formatDate(iso: string | undefined, lng: string): string {
  if (!iso) return '—';
  const p = partsOf(iso);
  return lng === 'en' ? `${p.year}-${p.month}-${p.day}` : `${p.year}年${Number(p.month)}月${Number(p.day)}日`;
}

/** 2026-05-31 16:00, as forms and ledgers in a county office write it. */
export function formatDateTime(iso: string | undefined): string {
  if (!iso) return '—';
  const p = partsOf(iso);
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}`;
}

export function formatNumber(n: number | undefined, lng: string): string {
  return n === undefined ? '—' : n.toLocaleString(lng === 'en' ? 'en-US' : 'zh-CN');
}

/** A calendar date (`2026-06-01`, an effective date): 2026年6月1日 in Chinese, as it came in English. */
export function formatDay(date: string | undefined, lng: string): string {
  const match = date ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(date) : null;
  if (!match) return date ?? '—';
  const [, year, month, day] = match;
  return lng === 'en' ? `${year}-${month}-${day}` : `${year}年${Number(month)}月${Number(day)}日`;
}

/** Today in China, `2026-06-01`: what a village means by "today" wherever the browser is. */
export function todayInChina(now = new Date()): string {
  const p = partsOf(now.toISOString());
  return `${p.year}-${p.month}-${p.day}`;
}
