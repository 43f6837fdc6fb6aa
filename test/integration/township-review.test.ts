import { beforeAll, describe, expect, it } from 'vitest';
import { villageWithRules } from '../support/village-with-rules';
import { buildWorld } from '../support/world';

let w: Awaited<ReturnType<typeof buildWorld>>;
let base: string;
let record: (token: string) => Promise<string>;
let reviewer: string;
let reviewerOfAnotherTownship: string;

/** Village A of county X is a village of one cadre: its admin records, and may not approve that. */
beforeAll(async () => {
  w = await buildWorld();
  ({ base, record } = await villageWithRules(w));
  const addReviewer = async (townshipId: string) => {
    const res = await w.call('POST', `/api/counties/${w.x.id}/users`, {
      token: w.x.adminToken,
      body: { username: w.unique('tr'), name: '乡审核员', role: 'township_reviewer', townshipId },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.townshipId).toBe(townshipId);
    return w.tokenFor(res.body);
  };
  reviewer = await addReviewer(w.x.township.id);
  const other = await w.call('POST', `/api/counties/${w.x.id}/townships`, {
    token: w.x.adminToken,
    body: { name: '六龙镇' },
  });
  reviewerOfAnotherTownship = await addReviewer(other.body.id);
});

const recordByAdmin = () => record(w.a.adminToken);
const decide = (recordId: string, action: 'approve' | 'reject' | 'reverse', token: string) =>
  w.call('POST', `${base}/point-records/${recordId}/${action}`, { token, body: { reason: '核实' } });

describe('township review (乡镇审核)', () => {
  it('needs a township of the county for a township reviewer, and none for other roles', async () => {
    const without = await w.call('POST', `/api/counties/${w.x.id}/users`, {
      token: w.x.adminToken,
      body: { username: w.unique('tr'), name: '乡审核员', role: 'township_reviewer' },
    });
    expect(without.status).toBe(400);
    expect(without.body.fields.townshipId).toBeTruthy();
    const foreign = await w.call('POST', `/api/counties/${w.x.id}/users`, {
      token: w.x.adminToken,
      body: {
        username: w.unique('tr'),
        name: '乡审核员',
        role: 'township_reviewer',
        townshipId: w.y.township.id,
      },
    });
    expect(foreign.status).toBe(404);
  });

  it('leaves a one-cadre village’s own records to the township once the village asks', async () => {
    const recordId = await recordByAdmin();
    const self = await decide(recordId, 'approve', w.a.adminToken);
    expect(self.status).toBe(403);
    expect(self.body.code).toBe('self_approval');
    const notAsked = await decide(recordId, 'approve', reviewer);
    expect(notAsked.status).toBe(403);
    expect(notAsked.body.code).toBe('township_review_off');

    const asked = await w.call('PATCH', base, { token: w.a.adminToken, body: { townshipReview: true } });
    expect(asked.body.townshipReview).toBe(true);
    const approved = await decide(recordId, 'approve', reviewer);
    expect(approved.status, JSON.stringify(approved.body)).toBe(200);
    expect(approved.body).toMatchObject({ status: 'posted', decidedBy: '乡审核员' });
    const rejected = await decide(await recordByAdmin(), 'reject', reviewer);
    expect(rejected.body).toMatchObject({ status: 'rejected', reason: '核实' });
    const log = await w.call('GET', `${base}/audit`, { token: w.a.adminToken });
    expect(log.body.items.filter((e: { byName: string }) => e.byName === '乡审核员').length).toBe(2);
  });

  it('lists the township’s villages with what waits in each', async () => {
    await recordByAdmin();
    const review = await w.call('GET', `/api/counties/${w.x.id}/townships/${w.x.township.id}/review`, {
      token: reviewer,
    });
    expect(review.status).toBe(200);
    const a = review.body.villages.find((v: { id: string }) => v.id === w.a.id);
    expect(a).toMatchObject({ townshipReview: true, pending: expect.any(Number) });
    expect(a.pending).toBeGreaterThanOrEqual(1);
    expect(review.body.villages.find((v: { id: string }) => v.id === w.b.id)).toMatchObject({
      townshipReview: false,
    });
    const queue = await w.call('GET', `${base}/point-records?status=pending`, { token: reviewer });
    expect(queue.body.items.length).toBe(a.pending);
  });

  it('reaches nothing outside its township, and only decides on records', async () => {
    const recordId = await recordByAdmin();
    expect((await decide(recordId, 'approve', reviewerOfAnotherTownship)).status).toBe(404);
    expect((await w.call('GET', base, { token: reviewerOfAnotherTownship })).status).toBe(404);
    expect(
      (
        await w.call('GET', `/api/counties/${w.x.id}/townships/${w.x.township.id}/review`, {
          token: reviewerOfAnotherTownship,
        })
      ).status,
    ).toBe(404);
    expect((await w.call('GET', `/api/villages/${w.c.id}`, { token: reviewer })).status).toBe(404);
    const approved = await decide(recordId, 'approve', reviewer);
    expect(approved.status).toBe(200);
    for (const [method, path] of [
      ['GET', `${base}/store/items`],
      ['GET', `${base}/households`],
      ['GET', `/api/counties/${w.x.id}/reports/villages`],
      ['POST', `${base}/point-records`],
    ] as const)
      expect(
        (await w.call(method, path, { token: reviewer, body: method === 'POST' ? {} : undefined })).status,
        path,
      ).toBe(403);
  });
});
