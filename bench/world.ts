import { chinaDate } from '@xjf/domain';
import { type Call, caller } from './http';
import type { Stack } from './stack';

/** Households (and shelf items) in the bench village: one per client at the highest concurrency. */
export const CLIENTS = 32;

export type World = Awaited<ReturnType<typeof buildWorld>>;
export type Village = Awaited<ReturnType<ReturnType<typeof villageBuilder>>>;

/**
 * A county built through the API as its people would: a township, an official, and villages
 * onboarded from invite codes, each with a recorder and a published program whose one rule
 * grants 10 points, approved records taking effect at once (no posting period).
 */
function villageBuilder(
  stack: Stack,
  call: Call,
  county: { id: string; adminToken: string; townshipId: string },
) {
  return async (name: string) => {
    const invite = await call('POST', `/api/counties/${county.id}/invites`, county.adminToken, {
      townshipId: county.townshipId,
    });
    const { village, admin } = await call('POST', '/api/onboarding/villages', undefined, {
      inviteCode: invite.code,
      village: { name, householdCount: 2000 },
      admin: { username: `${name}.admin`, name: '村管理员', phone: '13800138000' },
    });
    const base = `/api/villages/${village.id}`;
    const adminToken = await stack.tokenFor(admin);
    const recorder = await call('POST', `${base}/users`, adminToken, {
      username: `${name}.recorder`,
      name: '积分员',
      role: 'recorder',
    });
    const program = await call('POST', `${base}/programs`, adminToken, { name: '文明积分' });
    const set = await call('POST', `${base}/rule-sets`, adminToken, { programId: program.id, name: '细则' });
    await call('PUT', `${base}/rule-sets/${set.id}/rows`, adminToken, {
      rows: [{ code: 'GRANT', name: '志愿服务', category: '志愿服务', kind: '固定', points: 10 }],
      baseVersion: 0,
    });
    await call('POST', `${base}/rule-sets/${set.id}/publish`, adminToken, {
      effectiveFrom: chinaDate(new Date()),
    });
    await call('PATCH', base, adminToken, { postingDays: 0 });
    return {
      id: village.id as string,
      base,
      adminToken,
      recorderToken: await stack.tokenFor(recorder),
      programId: program.id as string,
    };
  };
}

/** The bench county: village 银川村 with 32 households and a stocked store, and 新春村 for the imports. */
export async function buildWorld(stack: Stack) {
  const call = caller(stack.app);
  const county = await call('POST', '/api/counties', stack.operator, { name: '大方县', province: '贵州省' });
  const countyAdmin = await call('POST', `/api/counties/${county.id}/users`, stack.operator, {
    username: 'bench.county.admin',
    name: '县管理员',
    role: 'county_admin',
  });
  const adminToken = await stack.tokenFor(countyAdmin);
  const official = await call('POST', `/api/counties/${county.id}/users`, adminToken, {
    username: 'bench.official',
    name: '县干部',
    role: 'county_official',
  });
  const township = await call('POST', `/api/counties/${county.id}/townships`, adminToken, { name: '凤山乡' });
  const village = villageBuilder(stack, call, { id: county.id, adminToken, townshipId: township.id });
  const [main, imports] = await Promise.all([village('yinchuan'), village('xinchun')]);

  const many = <T>(make: (i: number) => Promise<T>) =>
    Promise.all(Array.from({ length: CLIENTS }, (_, i) => make(i)));
  const households: string[] = await many(async (i) => {
    const h = await call('POST', `${main.base}/households`, main.adminToken, {
      number: String(i + 1).padStart(4, '0'),
      group: `第${(i % 6) + 1}组`,
      members: [{ name: `户主${i + 1}`, relation: '户主' }],
    });
    return h.id;
  });
  await call('PUT', `${main.base}/store/settings`, main.adminToken, {
    programId: main.programId,
    cancelWithinDays: 7,
    redemptionDays: { restricted: false },
  });
  const items: string[] = await many(async (i) => {
    const item = await call('POST', `${main.base}/store/items`, main.adminToken, {
      name: `肥皂${i + 1}`,
      price: 1,
      unit: '块',
      lowStockAt: 5,
    });
    await call('POST', `${main.base}/store/items/${item.id}/stock-movements`, main.adminToken, {
      kind: 'intake',
      quantity: 100_000,
      source: 'donation',
    });
    return item.id;
  });
  return {
    call,
    countyId: county.id as string,
    officialToken: await stack.tokenFor(official),
    main,
    imports,
    households,
    items,
  };
}
