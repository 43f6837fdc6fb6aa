import { actorFromClaims, claimsForUser } from '@xjf/http';
import { describe, expect, it } from 'vitest';

const base = { sub: 'u1', username: 'yinchuan.admin', name: '王国强' };

describe('tenancy from token claims', () => {
  it('maps a village token to a village actor', () => {
    expect(
      actorFromClaims({
        ...base,
        role: 'recorder',
        countyId: 'c1',
        villageId: 'v1',
      }),
    ).toEqual({
      kind: 'village',
      role: 'recorder',
      countyId: 'c1',
      villageId: 'v1',
      userId: 'u1',
      username: 'yinchuan.admin',
      name: '王国强',
    });
  });

  it('ignores a village id on a county token', () => {
    const actor = actorFromClaims({
      ...base,
      role: 'county_official',
      countyId: 'c1',
      villageId: 'v9',
    });
    expect(actor).toEqual({
      kind: 'county',
      role: 'county_official',
      countyId: 'c1',
      userId: 'u1',
      username: 'yinchuan.admin',
      name: '王国强',
    });
  });

  it('refuses a role without the scope it needs, or an unknown role', () => {
    expect(() => actorFromClaims({ ...base, role: 'store_clerk', countyId: 'c1' })).toThrow(
      expect.objectContaining({ status: 401 }),
    );
    expect(() => actorFromClaims({ ...base, role: 'county_admin' })).toThrow(
      expect.objectContaining({ status: 401 }),
    );
    expect(() => actorFromClaims({ ...base, role: 'superuser', countyId: 'c1' })).toThrow(
      expect.objectContaining({ status: 401 }),
    );
  });

  it('gives a partner user its partner, and refuses a partner token without one', () => {
    const partner = { ...base, role: 'partner', countyId: 'c1' };
    expect(() => actorFromClaims(partner)).toThrow(expect.objectContaining({ status: 401 }));
    expect(actorFromClaims({ ...partner, partnerId: 'p1' })).toMatchObject({
      kind: 'county',
      role: 'partner',
      countyId: 'c1',
      partnerId: 'p1',
    });
    const official = actorFromClaims({
      ...base,
      role: 'county_official',
      countyId: 'c1',
      partnerId: 'p1',
    });
    expect(official).not.toHaveProperty('partnerId');
  });

  it('round-trips a stored user through the claims our issuer signs', () => {
    const claims = claimsForUser({
      id: 'u2',
      username: 'dafang.admin',
      name: '陈志明',
      role: 'county_admin',
      countyId: 'c1',
    });
    expect(actorFromClaims(claims)).toMatchObject({ kind: 'county', userId: 'u2', countyId: 'c1' });
  });
});
