import type { Role } from '../actor';
import { ForbiddenError } from '../errors';
import type { Rule } from '../rules/schemas';

/**
 * A villager sees and declares for one household: the one their user is linked to (read from
 * the user item, never from input). Staff are not limited here; their roles are checked by route.
 */
export function assertOwnHousehold(who: { role: Role; householdId?: string }, householdId: string): void {
  if (who.role !== 'villager') return;
  if (!who.householdId)
    throw new ForbiddenError(
      '您的账号尚未关联农户 (your account is not linked to a household)',
      'no_household',
    );
  if (who.householdId !== householdId)
    throw new ForbiddenError('只能查看和申报自己家的积分 (only your own household)', 'other_household');
}

/**
 * 村民自主申报: a villager may record points only for their own household and only under a rule
 * the village lets villagers declare. Returns whether the record is self-declared.
 */
export function assertMayDeclare(
  who: { role: Role; householdId?: string },
  record: { householdId: string; rule: Pick<Rule, 'code' | 'selfDeclarable'> },
): boolean {
  if (who.role !== 'villager') return false;
  assertOwnHousehold(who, record.householdId);
  if (!record.rule.selfDeclarable)
    throw new ForbiddenError(
      `规则 ${record.rule.code} 不允许村民自主申报 (this rule does not allow self-declaration)`,
      'not_self_declarable',
    );
  return true;
}

/** The rules of a version a villager may declare under, in the version's order. */
export const declarableRules = <R extends Pick<Rule, 'selfDeclarable'>>(rules: readonly R[]): R[] =>
  rules.filter((r) => r.selfDeclarable);
