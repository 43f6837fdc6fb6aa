import { chinaDate } from '@xjf/domain';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildWorld } from '../support/world';

/**
 * The DynamoDB requests the hot paths send, as bench/RESULTS.md reports them: a new read on one
 * of these paths shows up here first. Calls run one at a time, so every command seen is theirs.
 */
let w: Awaited<ReturnType<typeof buildWorld>>;
let base: string;
let householdId: string;
let itemId: string;
let programId: string;
const sent: string[] = [];
let capturing = false;

async function commandsOf(work: () => Promise<{ status: number; body: unknown }>) {
  sent.length = 0;
  capturing = true;
  try {
    const res = await work();
    expect(res.status, JSON.stringify(res.body)).toBeLessThan(300);
    return { res, commands: sent.map((name) => name.replace(/Command$/, '')) };
  } finally {
    capturing = false;
  }
}

const post = (path: string, body: unknown, token = w.a.adminToken) =>
  w.call('POST', `${base}${path}`, { token, body });
const record = () =>
  post(
    '/point-records',
    { programId, householdId, ruleCode: 'GRANT', occurredOn: chinaDate(new Date()) },
    w.a.recorderToken,
  );

beforeAll(async () => {
  w = await buildWorld();
  base = `/api/villages/${w.a.id}`;
  programId = (await post('/programs', { name: '文明积分' })).body.id;
  const set = (await post('/rule-sets', { programId, name: '细则' })).body;
  await w.call('PUT', `${base}/rule-sets/${set.id}/rows`, {
    token: w.a.adminToken,
    body: {
      rows: [{ code: 'GRANT', name: '志愿服务', category: '志愿服务', kind: '固定', points: 10 }],
      baseVersion: 0,
    },
  });
  await post(`/rule-sets/${set.id}/publish`, { effectiveFrom: chinaDate(new Date()) });
  await w.call('PATCH', base, { token: w.a.adminToken, body: { postingDays: 0 } });
  householdId = (
    await post('/households', {
      number: '0001',
      group: '第一组',
      members: [{ name: '户主', relation: '户主' }],
    })
  ).body.id;
  await w.call('PUT', `${base}/store/settings`, {
    token: w.a.adminToken,
    body: { programId, cancelWithinDays: 7, redemptionDays: { restricted: false } },
  });
  await post(`/point-records/${(await record()).body.id}/approve`, {});
  itemId = (await post('/store/items', { name: '肥皂', price: 1, unit: '块', lowStockAt: 5 })).body.id;
  await post(`/store/items/${itemId}/stock-movements`, { kind: 'intake', quantity: 10, source: 'donation' });
  w.db.doc.middlewareStack.add(
    (next, context) => async (args) => {
      if (capturing) sent.push(String(context.commandName));
      return next(args);
    },
    { step: 'initialize', name: 'countRoundTrips' },
  );
});

describe('round trips per operation', () => {
  it('records in 4: claim the key, one BatchGet, the version, one transaction that stores the answer', async () => {
    const { commands } = await commandsOf(record);
    expect(commands).toEqual(['PutItem', 'BatchGetItem', 'Query', 'TransactWriteItems']);
  });

  it('approves in 5: the record, village and approver in one BatchGet; the account; the transaction', async () => {
    const pending = (await record()).body;
    const { commands } = await commandsOf(() => post(`/point-records/${pending.id}/approve`, {}));
    expect(commands).toEqual(['PutItem', 'BatchGetItem', 'BatchGetItem', 'TransactWriteItems', 'UpdateItem']);
  });

  it('sells in 4 and cancels in 3, neither reading anything after its transaction', async () => {
    const sale = await commandsOf(() =>
      post('/redemptions', { householdId, lines: [{ itemId, quantity: 1, price: 1 }] }),
    );
    expect(sale.commands).toEqual(['PutItem', 'BatchGetItem', 'BatchGetItem', 'TransactWriteItems']);
    const id = (sale.res.body as { id: string }).id;
    const cancel = await commandsOf(() => post(`/redemptions/${id}/cancel`, { reason: '拿错了货' }));
    expect(cancel.commands).toEqual(['PutItem', 'BatchGetItem', 'TransactWriteItems']);
  });

  it('reads a household’s ledger in 3 queries when nothing is due', async () => {
    const { commands } = await commandsOf(() =>
      w.call('GET', `${base}/households/${householdId}/ledger`, { token: w.a.adminToken }),
    );
    expect(commands).toEqual(['Query', 'Query', 'Query']);
  });
});
