import { assertMayApprove, capPeriodKey, nextStatus } from '@xjf/domain';
import { describe, expect, it } from 'vitest';

describe('cap periods', () => {
  it('keys a day by month, quarter, year or ever', () => {
    expect(capPeriodKey('month', '2026-05-31')).toBe('2026-05');
    expect(capPeriodKey('quarter', '2026-05-31')).toBe('2026-Q2');
    expect(capPeriodKey('quarter', '2026-10-01')).toBe('2026-Q4');
    expect(capPeriodKey('year', '2026-05-31')).toBe('2026');
    expect(capPeriodKey('ever', '2026-05-31')).toBe('ever');
  });
});

describe('a point record’s life', () => {
  it('is posted publicly on approval, or takes effect at once when posting is off', () => {
    expect(nextStatus('pending', 'approve', 3)).toBe('posted');
    expect(nextStatus('pending', 'approve', 0)).toBe('effective');
    expect(nextStatus('posted', 'takeEffect', 3)).toBe('effective');
  });

  it('goes back to review on an objection during posting', () => {
    expect(nextStatus('posted', 'object', 3)).toBe('pending');
    expect(() => nextStatus('effective', 'object', 3)).toThrow(expect.objectContaining({ status: 409 }));
  });

  it('cannot reverse a pending record, nor reverse twice', () => {
    expect(() => nextStatus('pending', 'reverse', 3)).toThrow(
      expect.objectContaining({ code: 'cannot_reverse' }),
    );
    expect(nextStatus('effective', 'reverse', 3)).toBe('reversed');
    expect(() => nextStatus('reversed', 'reverse', 3)).toThrow(
      expect.objectContaining({ code: 'cannot_reverse' }),
    );
  });

  it('refuses to approve twice or approve a rejected record', () => {
    expect(() => nextStatus('posted', 'approve', 3)).toThrow(expect.objectContaining({ status: 409 }));
    expect(() => nextStatus('rejected', 'approve', 3)).toThrow(expect.objectContaining({ status: 409 }));
  });
});

describe('maker-checker', () => {
  it('refuses self-approval and approval for one’s own household', () => {
    expect(() => assertMayApprove({ recordedBy: 'u1', householdId: 'h1' }, { userId: 'u1' })).toThrow(
      expect.objectContaining({ status: 403, code: 'self_approval' }),
    );
    expect(() =>
      assertMayApprove({ recordedBy: 'u2', householdId: 'h1' }, { userId: 'u1', householdId: 'h1' }),
    ).toThrow(expect.objectContaining({ code: 'own_household' }));
    expect(() =>
      assertMayApprove({ recordedBy: 'u2', householdId: 'h1' }, { userId: 'u1', householdId: 'h2' }),
    ).not.toThrow();
  });
});
