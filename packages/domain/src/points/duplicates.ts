import { evaluateRule, type Usage } from '../rules/evaluate';
import type { Rule } from '../rules/schemas';
import { capPeriodKey } from './periods';

/**
 * What a month already holds (issue 15): the records of a village whose day falls in a month and
 * that still count (pending, posted, effective), in the few fields the grid and the queue need to
 * show them, check caps and spot the same item recorded twice.
 */
export const recordedStatuses = ['pending', 'posted', 'effective'] as const;

/** One such record (the API's `RecordedEntry`, see recorded-schema.ts). */
export type RecordedEntry = {
  id: string;
  programId: string;
  householdId: string;
  memberId?: string;
  accountRef: string;
  ruleCode: string;
  status: (typeof recordedStatuses)[number];
  occurredOn: string;
  /** The points once effective, else the estimate (before caps). */
  points: number;
  createdAt: string;
};

/** The account a record goes to: `<householdId>#<programId>[#<memberId>]`. */
export function accountRefOf(d: {
  householdId: string;
  programId: string;
  accountHolder: 'household' | 'member';
  memberId?: string;
}): string {
  const memberId = d.accountHolder === 'member' ? d.memberId : undefined;
  return [d.householdId, d.programId, memberId].filter(Boolean).join('#');
}

/**
 * 户号 in natural order: '2' before '10', '0039' beside '39', letters after digits as people
 * read them ('12-1' after '12').
 */
export function compareHouseholdNumbers(a: string, b: string): number {
  const natural = a.localeCompare(b, 'en', { numeric: true, sensitivity: 'base' });
  return natural !== 0 ? natural : a < b ? -1 : a > b ? 1 : 0;
}

/** A copy sorted by 户号 in natural order (stable: equal numbers keep their order). */
export function sortByHouseholdNumber<T>(items: readonly T[], numberOf: (item: T) => string): T[] {
  return [...items].sort((x, y) => compareHouseholdNumbers(numberOf(x), numberOf(y)));
}

type Candidate = {
  id: string;
  accountRef: string;
  ruleCode: string;
  occurredOn: string;
  status: string;
  createdAt?: string;
};

const counts = (status: string) => (recordedStatuses as readonly string[]).includes(status);

/**
 * Likely duplicates (疑似重复): records of the same account (household, program and member) under
 * the same rule in the same month, while both still count. Each record so flagged maps to the
 * earliest other one of its group (the one it probably repeats). Records may come from several
 * lists (the queue and a month's records): the same id twice counts once.
 */
export function likelyDuplicates(records: readonly Candidate[]): Map<string, string> {
  const groups = new Map<string, Candidate[]>();
  const seen = new Set<string>();
  for (const r of records) {
    if (!counts(r.status) || seen.has(r.id)) continue;
    seen.add(r.id);
    const key = `${r.accountRef}|${r.ruleCode}|${r.occurredOn.slice(0, 7)}`;
    const group = groups.get(key);
    if (group) group.push(r);
    else groups.set(key, [r]);
  }
  const flagged = new Map<string, string>();
  for (const group of groups.values()) {
    if (group.length < 2) continue;
    const ordered = [...group].sort((a, b) =>
      (a.createdAt ?? '') === (b.createdAt ?? '')
        ? a.id.localeCompare(b.id)
        : (a.createdAt ?? '') < (b.createdAt ?? '')
          ? -1
          : 1,
    );
    const [first, second] = ordered;
    if (!first || !second) continue;
    for (const r of ordered) flagged.set(r.id, r === first ? second.id : first.id);
  }
  return flagged;
}

/** What an account already has under a rule among `entries` (in magnitude, as caps count it). */
export function usageAmong(
  entries: readonly Pick<RecordedEntry, 'accountRef' | 'ruleCode' | 'points'>[],
  accountRef: string,
  ruleCode: string,
): Usage {
  let points = 0;
  let occurrences = 0;
  for (const e of entries) {
    if (e.accountRef !== accountRef || e.ruleCode !== ruleCode) continue;
    points += Math.abs(e.points);
    occurrences++;
  }
  return { points, occurrences };
}

/**
 * Why the rule's cap would give one more record nothing, given what the account already has in
 * the cap period: its occurrence limit is reached, or no points are left under its points limit.
 * The reason is the cap's own words from `evaluateRule` (中文 and English); undefined when a
 * record would still count.
 */
export function capRefusal(rule: Rule, usage: Usage): { zh: string; en: string } | undefined {
  if (!rule.cap) return undefined;
  const quantity = rule.shape.kind === 'perUnit' ? rule.shape.unitSize : undefined;
  const result = evaluateRule(rule, { quantity, usage });
  if (!result.capped || result.points !== 0 || result.uncapped === 0) return undefined;
  const last = (text: string, separator: string) => text.split(separator).at(-1)?.trim() ?? text;
  return { zh: last(result.explanation.zh, '；'), en: last(result.explanation.en, '; ') };
}

/**
 * The server's guard against the same monthly item twice: a rule limited to a number of times a
 * month refuses a record once the account's pending, posted and effective records of that month
 * (and the batch's earlier ones) reach the limit. Points limits still cap when a record takes
 * effect (a part may count), and longer periods are left to that too. Returns the refused
 * drafts' indexes with the reason.
 */
export function monthlyCapRefusals(
  drafts: readonly { accountRef: string; rule: Rule; occurredOn: string }[],
  recorded: readonly Pick<RecordedEntry, 'accountRef' | 'ruleCode' | 'occurredOn' | 'status'>[],
): Map<number, { zh: string; en: string }> {
  const used = new Map<string, number>();
  const keyOf = (accountRef: string, ruleCode: string, day: string) =>
    `${accountRef}|${ruleCode}|${capPeriodKey('month', day)}`;
  for (const e of recorded) {
    if (!counts(e.status)) continue;
    const key = keyOf(e.accountRef, e.ruleCode, e.occurredOn);
    used.set(key, (used.get(key) ?? 0) + 1);
  }
  const refused = new Map<number, { zh: string; en: string }>();
  drafts.forEach((d, index) => {
    if (!isMonthlyCounted(d.rule)) return;
    const key = keyOf(d.accountRef, d.rule.code, d.occurredOn);
    const occurrences = used.get(key) ?? 0;
    const reason = capRefusal(d.rule, { points: 0, occurrences });
    if (reason) refused.set(index, reason);
    else used.set(key, occurrences + 1);
  });
  return refused;
}

/** A rule limited to a number of times a month (庭院整洁 once a month). */
export function isMonthlyCounted(rule: Rule): boolean {
  return rule.cap?.period === 'month' && rule.cap.maxOccurrences !== undefined;
}
