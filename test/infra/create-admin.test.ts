import { describe, expect, it } from 'vitest';
import { adminArgs } from '../../infra/scripts/admin-args';

const base = ['--table', 'Xjf-prod-Data-Table1', '--region', 'cn-northwest-1', '--name', '张三'];

describe('create-admin arguments', () => {
  it('reads a platform operator, the table and its region', () => {
    expect(adminArgs([...base, '--username', 'Ops.Admin', '--role', 'platform_operator'])).toEqual({
      tableName: 'Xjf-prod-Data-Table1',
      region: 'cn-northwest-1',
      countyId: undefined,
      user: { username: 'ops.admin', name: '张三', role: 'platform_operator', phone: undefined },
    });
  });

  it('reads a county admin with the county and a phone number', () => {
    expect(
      adminArgs([
        ...base,
        '--username',
        'dafang.admin',
        '--role',
        'county_admin',
        '--county-id',
        '7k2m9q4x8c1v5b3n',
        '--phone',
        '13800138000',
      ]),
    ).toMatchObject({ countyId: '7k2m9q4x8c1v5b3n', user: { role: 'county_admin', phone: '13800138000' } });
  });

  it('requires a county for a county admin, and only for one', () => {
    expect(() => adminArgs([...base, '--username', 'dafang.admin', '--role', 'county_admin'])).toThrow(
      /--county-id/,
    );
    expect(() =>
      adminArgs([
        ...base,
        '--username',
        'ops',
        '--role',
        'platform_operator',
        '--county-id',
        '7k2m9q4x8c1v5b3n',
      ]),
    ).toThrow(/--county-id/);
  });

  it('refuses other roles, a missing or malformed region, and the old user pool option', () => {
    expect(() => adminArgs([...base, '--username', 'abc', '--role', 'recorder'])).toThrow(/--role/);
    const operator = ['--table', 'tbl', '--name', '甲', '--username', 'abc', '--role', 'platform_operator'];
    expect(() => adminArgs(operator)).toThrow(/--region/);
    expect(() => adminArgs([...operator, '--region', 'ningxia'])).toThrow(/--region/);
    expect(() =>
      adminArgs([...operator, '--region', 'cn-northwest-1', '--user-pool-id', 'cn-northwest-1_AbC123']),
    ).toThrow(/user-pool-id/);
  });
});
