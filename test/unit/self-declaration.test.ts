import {
  assertMayDeclare,
  assertMayUpload,
  assertOwnHousehold,
  declarableRules,
  userCreateSchema,
  usernameSchema,
} from '@xjf/domain';
import { describe, expect, it } from 'vitest';

const villager = { role: 'villager' as const, householdId: 'hh-own' };
const rule = (selfDeclarable: boolean) => ({ code: 'ECO-TRAVEL', selfDeclarable });

describe('a villager’s own household', () => {
  it('lets a villager at their own household only', () => {
    expect(() => assertOwnHousehold(villager, 'hh-own')).not.toThrow();
    expect(() => assertOwnHousehold(villager, 'hh-other')).toThrow(
      expect.objectContaining({ status: 403, code: 'other_household' }),
    );
  });

  it('refuses a villager whose account is not linked to a household', () => {
    expect(() => assertOwnHousehold({ role: 'villager' }, 'hh-own')).toThrow(
      expect.objectContaining({ status: 403, code: 'no_household' }),
    );
  });

  it('leaves staff to their role', () => {
    expect(() => assertOwnHousehold({ role: 'recorder', householdId: 'hh-own' }, 'hh-other')).not.toThrow();
    expect(() => assertOwnHousehold({ role: 'village_admin' }, 'hh-other')).not.toThrow();
  });
});

describe('self-declaration (村民自主申报)', () => {
  it('marks a villager’s record for their household under a declarable rule as self-declared', () => {
    expect(assertMayDeclare(villager, { householdId: 'hh-own', rule: rule(true) })).toBe(true);
  });

  it('refuses a rule that does not allow it, naming the rule in both languages', () => {
    expect(() => assertMayDeclare(villager, { householdId: 'hh-own', rule: rule(false) })).toThrow(
      expect.objectContaining({
        status: 403,
        code: 'not_self_declarable',
        message: expect.stringMatching(/ECO-TRAVEL 不允许.*\(this rule does not allow self-declaration\)/),
      }),
    );
  });

  it('refuses another household before looking at the rule', () => {
    expect(() => assertMayDeclare(villager, { householdId: 'hh-other', rule: rule(false) })).toThrow(
      expect.objectContaining({ code: 'other_household' }),
    );
  });

  it('is not a declaration when staff record, whatever the rule allows', () => {
    const recorder = { role: 'recorder' as const };
    expect(assertMayDeclare(recorder, { householdId: 'hh-other', rule: rule(false) })).toBe(false);
    expect(assertMayDeclare(recorder, { householdId: 'hh-other', rule: rule(true) })).toBe(false);
  });

  it('offers only the declarable rules, in their order', () => {
    const rules = [
      { code: 'A', selfDeclarable: true },
      { code: 'B', selfDeclarable: false },
      { code: 'C', selfDeclarable: true },
    ];
    expect(declarableRules(rules).map((r) => r.code)).toEqual(['A', 'C']);
  });

  it('lets a villager upload evidence but never store photos', () => {
    expect(() => assertMayUpload('villager', 'evidence')).not.toThrow();
    expect(() => assertMayUpload('villager', 'item')).toThrow(expect.objectContaining({ status: 403 }));
  });
});

describe('villager users', () => {
  const base = { username: '13800001111', name: '罗先和' };

  it('need a household, which no other role may name', () => {
    expect(
      userCreateSchema.safeParse({ ...base, role: 'villager', householdId: 'a'.repeat(16) }).success,
    ).toBe(true);
    expect(userCreateSchema.safeParse({ ...base, role: 'villager' }).success).toBe(false);
    const staff = userCreateSchema.safeParse({ ...base, role: 'recorder', householdId: 'a'.repeat(16) });
    expect(staff.error?.issues[0]?.path).toEqual(['householdId']);
  });

  it('may sign in with a mobile number, but not with other digits', () => {
    expect(usernameSchema.parse('13800001111')).toBe('13800001111');
    expect(usernameSchema.safeParse('1380000111').success).toBe(false);
    expect(usernameSchema.safeParse('23800001111').success).toBe(false);
  });
});
