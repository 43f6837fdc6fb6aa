import { chinaDate } from '@xjf/domain';
import type { buildWorld } from './world';

type World = Awaited<ReturnType<typeof buildWorld>>;

/**
 * Village A with a published volunteer rule set (rule VOL-EVENT) and one household, and a way to
 * record a point for it: what tests of deciding on records start from.
 */
export async function villageWithRules(w: World) {
  const base = `/api/villages/${w.a.id}`;
  const admin = { token: w.a.adminToken };
  const programId: string = (
    await w.call('POST', `${base}/programs`, { ...admin, body: { name: '文明积分' } })
  ).body.id;
  const set = await w.call('POST', `${base}/rule-sets`, {
    ...admin,
    body: { programId, name: '细则', templateId: 'builtin:yinzhai-volunteer' },
  });
  await w.call('POST', `${base}/rule-sets/${set.body.id}/publish`, {
    ...admin,
    body: { effectiveFrom: chinaDate(new Date()) },
  });
  const householdId: string = (
    await w.call('POST', `${base}/households`, {
      ...admin,
      body: { number: '0001', group: '第一组', members: [{ name: '罗文军', relation: '户主' }] },
    })
  ).body.id;
  /** A pending record of VOL-EVENT for the household, recorded by the holder of `token`. */
  const record = async (token: string): Promise<string> =>
    (
      await w.call('POST', `${base}/point-records`, {
        token,
        body: { programId, householdId, ruleCode: 'VOL-EVENT', occurredOn: chinaDate(new Date()) },
      })
    ).body.id;
  return { base, programId, householdId, record };
}
