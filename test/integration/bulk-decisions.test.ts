import { newId } from '@xjf/domain';
import { beforeAll, describe, expect, it } from 'vitest';
import { villageWithRules } from '../support/village-with-rules';
import { buildWorld } from '../support/world';

let w: Awaited<ReturnType<typeof buildWorld>>;
let base: string;
let record: (token: string) => Promise<string>;

beforeAll(async () => {
  w = await buildWorld();
  ({ base, record } = await villageWithRules(w));
});

const decide = (body: unknown, idempotencyKey?: string) =>
  w.call('POST', `${base}/point-records/decisions`, { token: w.a.adminToken, body, idempotencyKey });

describe('bulk decisions', () => {
  it('decides each record on its own and says what happened to each', async () => {
    const byRecorder = await Promise.all(Array.from({ length: 12 }, () => record(w.a.recorderToken)));
    const own = await record(w.a.adminToken);
    const [first] = byRecorder;
    await w.call('POST', `${base}/point-records/${first}/approve`, { token: w.a.adminToken, body: {} });
    const res = await decide({ action: 'approve', recordIds: [...byRecorder, own] });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ succeeded: 11, failed: 2 });
    expect(res.body.results.map((r: { recordId: string }) => r.recordId)).toEqual([...byRecorder, own]);
    expect(res.body.results[0]).toMatchObject({ ok: false, code: 'cannot_approve' });
    expect(res.body.results[12]).toMatchObject({ ok: false, code: 'self_approval' });
    expect(res.body.results[1]).toMatchObject({ ok: true, record: { status: 'posted' } });
    const pending = await w.call('GET', `${base}/point-records?status=pending`, { token: w.a.adminToken });
    expect(pending.body.items.map((r: { id: string }) => r.id)).toEqual([own]);
  });

  it('answers a retry with the first answer and changes nothing', async () => {
    const ids = await Promise.all(Array.from({ length: 3 }, () => record(w.a.recorderToken)));
    const key = `bulk-${newId()}`;
    const first = await decide({ action: 'reject', recordIds: ids, reason: '重复录入' }, key);
    const retry = await decide({ action: 'reject', recordIds: ids, reason: '重复录入' }, key);
    expect(first.body.succeeded).toBe(3);
    expect(retry.body).toEqual(first.body);
    const log = await w.call('GET', `${base}/audit?limit=100`, { token: w.a.adminToken });
    const rejections = log.body.items.filter(
      (e: { action: string; recordId?: string }) => e.action === 'reject' && ids.includes(e.recordId ?? ''),
    );
    expect(rejections).toHaveLength(3);
  });

  it('takes at most 500 records, none twice, and only from deciders', async () => {
    const tooMany = await decide({
      action: 'approve',
      recordIds: Array.from({ length: 501 }, () => newId()),
    });
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.fields.recordIds).toBeTruthy();
    const id = newId();
    expect((await decide({ action: 'approve', recordIds: [id, id] })).status).toBe(400);
    const unknown = await decide({ action: 'approve', recordIds: [id] });
    expect(unknown.body.results[0]).toMatchObject({ ok: false, code: 'not_found' });
    const recorder = await w.call('POST', `${base}/point-records/decisions`, {
      token: w.a.recorderToken,
      body: { action: 'approve', recordIds: [id] },
    });
    expect(recorder.status).toBe(403);
  });
});
