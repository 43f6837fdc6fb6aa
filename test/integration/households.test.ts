import { TAKEN } from '@xjf/domain';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildWorld } from '../support/world';

let w: Awaited<ReturnType<typeof buildWorld>>;
let base: string;

const household = (number: string, group: string, head: string, others: string[] = []) => ({
  number,
  group,
  members: [{ name: head, relation: '户主' }, ...others.map((name) => ({ name, relation: '子女' }))],
});

beforeAll(async () => {
  w = await buildWorld();
  base = `/api/villages/${w.a.id}/households`;
  for (const body of [
    household('0001', '第一组', '罗先和', ['罗小明']),
    household('0002', '第一组', '游振林'),
    household('0003', '第二组', '林茂平', ['林小红']),
  ]) {
    const res = await w.call('POST', base, { token: w.a.adminToken, body });
    expect(res.status).toBe(201);
  }
});

describe('households', () => {
  it('registers a household with its head and members', async () => {
    const res = await w.call('POST', base, {
      token: w.a.adminToken,
      body: {
        number: '0004',
        group: '第二组',
        address: '银川村二组 12 号',
        members: [
          { name: '王老汉', relation: '户主', phone: '13985710009' },
          { name: '王大嫂', relation: '配偶' },
        ],
      },
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ number: '0004', headName: '王老汉', group: '第二组' });
    expect(res.body.members).toHaveLength(2);
    const read = await w.call('GET', `${base}/${res.body.id}`, { token: w.a.recorderToken });
    expect(read.body).toEqual(res.body);
  });

  it('finds households by a member’s name, by number and by village group', async () => {
    const byName = await w.call('GET', `${base}?q=${encodeURIComponent('小红')}`, {
      token: w.a.recorderToken,
    });
    expect(byName.body.items.map((h: { headName: string }) => h.headName)).toEqual(['林茂平']);
    const byNumber = await w.call('GET', `${base}?q=0002`, { token: w.a.recorderToken });
    expect(byNumber.body.items.map((h: { headName: string }) => h.headName)).toEqual(['游振林']);
    const byGroup = await w.call('GET', `${base}?group=${encodeURIComponent('第一组')}`, {
      token: w.x.officialToken,
    });
    expect(byGroup.body.items.map((h: { headName: string }) => h.headName).sort()).toEqual([
      '游振林',
      '罗先和',
    ]);
  });

  it('fills a page of search results even when the matches are far apart', async () => {
    for (let i = 0; i < 6; i++) {
      await w.call('POST', base, { token: w.a.adminToken, body: household(`01${i}0`, '第五组', `杨${i}号`) });
    }
    const page = await w.call('GET', `${base}?group=${encodeURIComponent('第二组')}&limit=2`, {
      token: w.a.recorderToken,
    });
    expect(page.body.items).toHaveLength(2);
    const rest = await w.call(
      'GET',
      `${base}?group=${encodeURIComponent('第二组')}&limit=2&cursor=${page.body.nextCursor}`,
      {
        token: w.a.recorderToken,
      },
    );
    const all = [...page.body.items, ...rest.body.items].map((h: { headName: string }) => h.headName).sort();
    expect(all).toEqual(['林茂平', '王老汉']);
  });

  it('keeps household numbers unique in the village, naming the field', async () => {
    const res = await w.call('POST', base, {
      token: w.a.adminToken,
      body: household('0001', '第三组', '重复户'),
    });
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({ code: 'household_number_taken', fields: { number: TAKEN } });
  });

  it('requires exactly one head of household', async () => {
    const res = await w.call('POST', base, {
      token: w.a.adminToken,
      body: { number: '0009', group: '第一组', members: [{ name: '甲', relation: '子女' }] },
    });
    expect(res.status).toBe(400);
    expect(res.body.fields).toHaveProperty('members');
  });

  it('lets only the village admin register households', async () => {
    const res = await w.call('POST', base, {
      token: w.a.recorderToken,
      body: household('0010', '第一组', '某人'),
    });
    expect(res.status).toBe(403);
  });
});
