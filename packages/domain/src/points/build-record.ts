import type { Household } from '../households/schemas';
import { newId } from '../ids';
import { evaluateRule } from '../rules/evaluate';
import type { Rule, RuleSetVersion } from '../rules/schemas';
import { accountRefOf } from './duplicates';
import type { PointRecord } from './schemas';

/** A record checked against its household, program and the rule version in effect on its day. */
export interface RecordDraft {
  programId: string;
  accountHolder: 'household' | 'member';
  household: Pick<Household, 'id' | 'number' | 'headName'>;
  memberId?: string;
  version: Pick<RuleSetVersion, 'ruleSetId' | 'version'>;
  rule: Rule;
  quantity?: number;
  occurredOn: string;
  note?: string;
  /** Photo keys, already checked to be this village's evidence. */
  evidence?: string[];
}

/**
 * A pending record, the same whether it comes alone, from a month grid or from a file: the
 * rule is kept with it so later rule changes never alter it, and its estimate is the rule's
 * points before caps (caps apply when it takes effect).
 */
export function buildRecord(
  draft: RecordDraft,
  villageId: string,
  by: { userId: string; name: string },
  now: Date,
): PointRecord {
  const { rule, household } = draft;
  const estimate = evaluateRule(rule, { quantity: draft.quantity, usage: { points: 0, occurrences: 0 } });
  const memberId = draft.accountHolder === 'member' ? draft.memberId : undefined;
  const accountRef = accountRefOf({ ...draft, householdId: household.id });
  return {
    id: newId(),
    villageId,
    programId: draft.programId,
    ruleSetId: draft.version.ruleSetId,
    ruleVersion: draft.version.version,
    rule,
    quantity: rule.shape.kind === 'perUnit' ? draft.quantity : undefined,
    occurredOn: draft.occurredOn,
    note: draft.note,
    evidence: draft.evidence?.length ? draft.evidence : undefined,
    householdId: household.id,
    householdNumber: household.number,
    headName: household.headName,
    memberId,
    accountRef,
    status: 'pending',
    estimate: estimate.uncapped,
    explanation: estimate.explanation,
    recordedBy: by.userId,
    recordedByName: by.name,
    createdAt: now.toISOString(),
  };
}

/** The version in effect on a day: the newest published one whose effective date has come. */
export function versionOn<V extends Pick<RuleSetVersion, 'version' | 'effectiveFrom'>>(
  versions: readonly V[],
  day: string,
): V | undefined {
  let found: V | undefined;
  for (const v of versions) {
    if (v.effectiveFrom <= day && (!found || v.version > found.version)) found = v;
  }
  return found;
}
