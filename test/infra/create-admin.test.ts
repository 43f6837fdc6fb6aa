import { describe, expect, it } from 'vitest';
import { adminArgs } from '../../infra/scripts/admin-args';

const base = ['--user-pool-id', 'ap-southeast-1_AbC123', '--table', 'Xjf-dev-Data-Table1', '--name', '张三'];

describe('create-admin arguments', () => {
  it('reads a platform operator and the region from the pool id', () => {
    expect(adminArgs([...base, '--username', 'Ops.Admin', '--role', 'platform_operator'])).toEqual({
      userPoolId: 'ap-southeast-1_AbC123',
      region: 'ap-southeast-1',
      tableName: 'Xjf-dev-Data-Table1',
      countyId: undefined,
      user: { username: 'ops.admin', name: '张三', role: 'platform_operator', phone: undefined },
    });
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

  it('refuses other roles and a malformed pool id', () => {
    expect(() => adminArgs([...base, '--username', 'abc', '--role', 'recorder'])).toThrow(/--role/);
    expect(() =>
      adminArgs([
        '--user-pool-id',
        'pool',
        '--table',
        'tbl',
        '--name',
        '甲',
        '--username',
        'abc',
        '--role',
        'platform_operator',
      ]),
    ).toThrow(/--user-pool-id/);
  });
});
