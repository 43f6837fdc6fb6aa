import {
  type Actor,
  assertInviteUsable,
  assertMayAssign,
  assignableCountyRoles,
  assignableVillageRoles,
  idSchema,
  inviteCodeSchema,
  inviteExpiry,
  inviteStatus,
  isCountyRole,
  newId,
  newInviteCode,
} from '@xjf/domain';
import { describe, expect, it } from 'vitest';

const now = new Date('2026-06-01T00:00:00Z');
const actor = (role: Actor['role']): Actor => {
  const base = { userId: 'u', username: 'u', name: 'u' };
  if (role === 'platform_operator') return { kind: 'platform', role, ...base };
  if (isCountyRole(role)) return { kind: 'county', role, ...base, countyId: 'c' };
  return { kind: 'village', role, ...base, countyId: 'c', villageId: 'v' };
};

describe('invite codes', () => {
  it('is active until it expires, then expired', () => {
    const expiresAt = inviteExpiry(now, 7).toISOString();
    expect(inviteStatus({ expiresAt }, now)).toBe('active');
    expect(inviteStatus({ expiresAt }, new Date('2026-06-08T00:00:00Z'))).toBe('expired');
  });

  it('counts as used once used, even after expiry', () => {
    expect(inviteStatus({ expiresAt: '2026-01-01T00:00:00Z', usedAt: '2025-12-30T00:00:00Z' }, now)).toBe(
      'used',
    );
  });

  it('refuses a used code with 409 and an expired one with 410', () => {
    expect(() =>
      assertInviteUsable({ expiresAt: '2027-01-01T00:00:00Z', usedAt: '2026-05-01T00:00:00Z' }, now),
    ).toThrow(expect.objectContaining({ status: 409, code: 'invite_used' }));
    expect(() => assertInviteUsable({ expiresAt: '2026-05-01T00:00:00Z' }, now)).toThrow(
      expect.objectContaining({ status: 410, code: 'invite_expired' }),
    );
  });

  it('reads a code typed with lower case, spaces or dashes', () => {
    const code = newInviteCode();
    const typed = `${code.slice(0, 4).toLowerCase()}-${code.slice(4, 8)} ${code.slice(8)}`;
    expect(inviteCodeSchema.parse(typed)).toBe(code);
    expect(inviteCodeSchema.safeParse('IL0O').success).toBe(false);
  });
});

describe('ids', () => {
  it('have a fixed length so no tenant prefix is a prefix of another', () => {
    const ids = Array.from({ length: 200 }, newId);
    expect(new Set(ids.map((id) => id.length))).toEqual(new Set([16]));
    expect(ids.every((id) => idSchema.safeParse(id).success)).toBe(true);
    expect(idSchema.safeParse(`${ids[0]}x`).success).toBe(false);
  });
});

describe('who may create which users', () => {
  it('lets the platform operator and county admins create county roles only', () => {
    expect(assignableCountyRoles(actor('platform_operator'))).toEqual([
      'county_admin',
      'county_official',
      'partner',
      'township_reviewer',
    ]);
    expect(assignableCountyRoles(actor('county_admin'))).toContain('partner');
    expect(assignableCountyRoles(actor('county_official'))).toEqual([]);
    expect(assignableCountyRoles(actor('village_admin'))).toEqual([]);
  });

  it('lets county and village admins create village roles only', () => {
    expect(assignableVillageRoles(actor('village_admin'))).toEqual([
      'village_admin',
      'recorder',
      'store_clerk',
      'villager',
    ]);
    expect(assignableVillageRoles(actor('county_admin'))).toContain('recorder');
    expect(assignableVillageRoles(actor('recorder'))).toEqual([]);
    expect(assignableVillageRoles(actor('platform_operator'))).toEqual([]);
  });

  it('refuses a role outside the allowed set', () => {
    expect(() => assertMayAssign('county_admin', assignableVillageRoles(actor('village_admin')))).toThrow(
      expect.objectContaining({ status: 403, code: 'role_not_assignable' }),
    );
  });
});
