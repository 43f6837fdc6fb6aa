import type { TFunction } from 'i18next';
import { localizeMessage } from '../../lib/i18n';
import type { AuditEntry } from './audit-api';

export type LookupOutcome = 'allowed' | 'no_consent' | 'consent_withdrawn' | 'future_date';

/**
 * The API keeps a look-up's outcome only inside its note (`截至 2026-06-01：已查询 (shown)`), not
 * as a field, so the note's fixed outcome texts are mapped back to the outcome code here and the
 * words come from our own locale. When the API returns the code itself (a tiny addition to
 * AuditEntry), this table goes away.
 */
const outcomeByText: Record<string, LookupOutcome> = {
  '已查询 (shown)': 'allowed',
  '拒绝：未授权 (refused: no consent)': 'no_consent',
  '拒绝：授权已撤回 (refused: consent withdrawn)': 'consent_withdrawn',
  '拒绝：日期在未来 (refused: future date)': 'future_date',
};

const LOOKUP = /^截至 (\d{4}-\d{2}-\d{2})：(.+?)(?: · (.+))?$/;

/** The note of an entry, in the reader's language; notes we do not know are shown in their own words. */
export function auditNote(entry: AuditEntry, t: TFunction, lng: string): string {
  const detail = entry.detail ?? '';
  if (entry.action === 'partner_lookup') {
    const match = LOOKUP.exec(detail);
    const code = match?.[2] ? outcomeByText[match[2]] : undefined;
    if (match?.[1] && code) {
      const text = t('audit.lookup', { asOf: match[1], outcome: t(`audit.outcomes.${code}`) });
      return match[3] ? `${text} · ${match[3]}` : text;
    }
  }
  // A certificate's note opens with the bank's name, which the 操作人 column already shows.
  const org = /（([^（）]+)）$/.exec(entry.byName)?.[1];
  const note =
    entry.action === 'certificate_issue' && org && detail.startsWith(`${org} `)
      ? detail.slice(org.length + 1)
      : detail;
  return [entry.reason, note && localizeMessage(note, lng)].filter(Boolean).join(' · ');
}

/**
 * A partner's user is written "信贷员（大方农商银行）"; when the person's name already carries
 * the institution ("大方农商银行信贷员"), the bracket only repeats it.
 */
export function auditActor(name: string, lng: string): string {
  const match = /^(.+)（(.+)）$/.exec(name);
  if (match?.[1] && match[2] && match[1].includes(match[2])) return match[1];
  return localizeMessage(name, lng);
}
