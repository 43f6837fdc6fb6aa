import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Db, getUsername, listHouseholds, listRuleSets, listTownships, listVillages } from '@xjf/data';
import { DEMO_PASSWORD, isSeeded, localApp, localDb, startDynamoLocal } from '@xjf/local';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { type Answer, client } from '../support/http';

const root = fileURLToPath(new URL('../../', import.meta.url));
// The demo as `npm start` seeds it on first run: DynamoDB Local's files from the run's one seed.
const dataDir = mkdtempSync(join(tmpdir(), 'xjf-demo-'));
cpSync(inject('demoDataDir'), dataDir, { recursive: true });
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

function runCommand(file: string, args: string[]) {
  return spawnSync(process.execPath, ['--import', 'tsx', join(root, 'packages/local/src', file), ...args], {
    cwd: root,
    encoding: 'utf8',
    timeout: 60_000,
  });
}

type Call = ReturnType<typeof client>;
const tokenOf = async (call: Call, username: string): Promise<string> =>
  (await call('POST', '/api/dev/sign-in', { body: { username } })).body.tokens.accessToken;

/** 银川村 as a real village: 400 households in eight groups, a month grid in the queue (more than a page) and one on the board. */
async function expectVillageAtFieldSize(call: Call, villageId: string, board: Answer['body']) {
  const token = await tokenOf(call, 'yinchuan.admin');
  const households: { number: string; group: string; members: unknown[] }[] = [];
  let cursor = '';
  do {
    const page = await call('GET', `/api/villages/${villageId}/households?limit=100${cursor}`, { token });
    households.push(...page.body.items);
    cursor = page.body.nextCursor ? `&cursor=${page.body.nextCursor}` : '';
  } while (cursor);
  const numbers = households.map((h) => h.number).sort();
  expect(numbers).toHaveLength(400);
  expect([numbers[0], numbers[399]]).toEqual(['0001', '0400']);
  expect(new Set(households.map((h) => h.group)).size).toBe(8);
  expect(households.filter((h) => h.members.length > 1).length).toBeGreaterThan(300);
  const pending = await call('GET', `/api/villages/${villageId}/point-records?status=pending&limit=100`, {
    token,
  });
  expect(pending.body.nextCursor).toBeTruthy();
  // Last month's eco grid, on the board for its three days (a few dozen to a couple of hundred lines by season).
  expect(board.posted.length).toBeGreaterThan(30);
}

/**
 * DOMAIN.md's figures as the API gives them: 游振林's eco entries in 银川村 (380 from exactly the
 * article's items and his homestead), 林茂平's in 羊岩村 (305 though he contracts 400 mu), and the
 * bank's score of each.
 */
async function expectArticleFigures(call: Call, db: Db) {
  const ecoOf = async (admin: string, head: string) => {
    const { villageId } = await getUsername(db, admin);
    const token = await tokenOf(call, admin);
    const base = `/api/villages/${villageId}`;
    const [found, programs] = await Promise.all([
      call('GET', `${base}/households?q=${encodeURIComponent(head)}`, { token }),
      call('GET', `${base}/programs`, { token }),
    ]);
    const eco = programs.body.items.find((p: { name: string }) => p.name === '生态积分');
    const book = await call('GET', `${base}/households/${found.body.items[0].id}/ledger?limit=100`, {
      token,
    });
    const entries = book.body.entries
      .filter((e: { programId: string }) => e.programId === eco.id)
      .map((e: { ruleCode: string; points: number; explanation: { zh: string } }) => [
        e.ruleCode,
        e.points,
        e.explanation.zh,
      ]);
    const account = book.body.accounts.find((a: { programId: string }) => a.programId === eco.id);
    return { entries, balance: account.balance };
  };
  const you = await ecoOf('yinchuan.admin', '游振林');
  expect(you.balance).toBe(380);
  expect(you.entries).toHaveLength(4);
  expect(you.entries).toEqual(
    expect.arrayContaining([
      ['ECO-HOMESTEAD', 240, '宅基地 1200 m² ÷ 5 m² × 1 分 = 240 分'],
      ['ECO-FOREST', 100, '林下种植 20 亩 × 5 分/亩 = 100 分'],
      ['ECO-TRAVEL', 20, '绿色出行 1 次 × 20 分 = 20 分'],
      ['ECO-LEAD', 20, '带动农户发展生态产业 20 户 × 1 分/户 = 20 分'],
    ]),
  );
  const lin = await ecoOf('yangyan.admin', '林茂平');
  expect(lin.balance).toBe(305);
  expect(lin.entries).toHaveLength(4);
  expect(lin.entries).toEqual(
    expect.arrayContaining([
      ['ECO-FOREST', 200, '林下种植 400 亩 × 5 分/亩 = 2000 分；封顶 200 分，本次计 200 分'],
      ['ECO-HOMESTEAD', 80, '宅基地 400 m² ÷ 5 m² × 1 分 = 80 分'],
      ['ECO-TRAVEL', 20, '绿色出行 1 次 × 20 分 = 20 分'],
      ['ECO-SACRIFICE', 5, '文明祭祀、鲜花祭祀 1 次 × 5 分 = 5 分'],
    ]),
  );
  // 林茂平 lives in 羊岩村, not 银川村.
  const yinchuan = await getUsername(db, 'yinchuan.admin');
  const elsewhere = await call('GET', `/api/villages/${yinchuan.villageId}/households?q=林茂平`, {
    token: await tokenOf(call, 'yinchuan.admin'),
  });
  expect(elsewhere.body.items).toEqual([]);

  const bank = await tokenOf(call, 'dafang.bank');
  for (const [head, village, score] of [
    ['游振林', '银川村', 380],
    ['林茂平', '羊岩村', 305],
  ] as const) {
    const [consenting] = (
      await call('GET', `/api/partner/households?q=${encodeURIComponent(head)}`, { token: bank })
    ).body.items;
    expect(consenting.villageName).toBe(village);
    const scored = await call('GET', `/api/partner/households/${consenting.householdId}/score`, {
      token: bank,
    });
    expect(scored.body.score).toBe(score);
  }
}

describe('the demo on disk', () => {
  it('holds the demo county and keeps an onboarded village across a restart', {
    timeout: 180_000,
  }, async () => {
    const first = await startDynamoLocal({ dbPath: dataDir });
    const villageName = '重启村';
    try {
      const db = await localDb(first.endpoint);
      expect(await isSeeded(db)).toBe(true);
      const admin = await getUsername(db, 'dafang.admin');
      const scope = { countyId: admin.countyId ?? '' };
      expect((await listTownships(db, scope, {})).items.length).toBeGreaterThanOrEqual(4);
      const villages = (await listVillages(db, scope, {})).items.map((v) => v.name);
      expect(villages).toContain('银川村');
      expect(villages.length).toBeGreaterThanOrEqual(8);
      const yinchuan = await getUsername(db, 'yinchuan.admin');
      const yinchuanScope = { countyId: scope.countyId, villageId: yinchuan.villageId ?? '' };
      expect((await listRuleSets(db, yinchuanScope)).map((r) => r.name)).toContain('银川村文明积分细则');
      const households = await listHouseholds(db, yinchuanScope, { q: '罗先和' });
      expect(households.items.map((h) => h.number)).toEqual(['0001']);

      const { app } = localApp({ db, secret: 's', log: () => {} });
      const call = client(app);
      const board = await call('GET', `/api/public/villages/${yinchuan.villageId}/board`);
      expect(board.body.village.name).toBe('银川村');
      expect(board.body.posted.length).toBeGreaterThan(0);
      // Months of records fell due at once (many pages of them): every one has settled.
      const now = new Date().toISOString();
      for (const line of board.body.posted) expect(line.postedUntil > now).toBe(true);
      expect(board.body.rankings[0].rows.length).toBeGreaterThan(0);
      await expectVillageAtFieldSize(call, yinchuanScope.villageId, board.body);
      await expectArticleFigures(call, db);
      // The seeded books balance and the dashboard's figures match the ledger, as the operator commands see them.
      for (const command of ['audit-ledger.ts', 'rebuild-aggregates.ts']) {
        const out = runCommand(command, ['--endpoint', first.endpoint]);
        expect(out.status, out.stdout + out.stderr).toBe(0);
        expect(out.stdout).toMatch(command === 'audit-ledger.ts' ? /账实相符：\d+ 个村/ : /汇总与台账一致/);
      }
      // The county admin signs in with the demo password and is asked to set up TOTP, as a real one is.
      const real = await call('POST', '/api/auth/sign-in', {
        body: { username: 'dafang.admin', password: DEMO_PASSWORD },
      });
      expect(real.body.status).toBe('totp_enrolment_required');
      const token = (await call('POST', '/api/dev/sign-in', { body: { username: 'dafang.admin' } })).body
        .tokens.accessToken;
      const township = (await listTownships(db, scope, {})).items[0];
      const invite = await call('POST', `/api/counties/${scope.countyId}/invites`, {
        token,
        body: { townshipId: township?.id },
      });
      expect(invite.status).toBe(201);
      const res = await call('POST', '/api/onboarding/villages', {
        body: {
          inviteCode: invite.body.code,
          village: { name: villageName },
          admin: { username: 'restart.admin', name: '测试', phone: '13800138000' },
        },
      });
      expect(res.status).toBe(201);
    } finally {
      await first.stop();
    }

    const second = await startDynamoLocal({ dbPath: dataDir });
    try {
      const db = await localDb(second.endpoint);
      const admin = await getUsername(db, 'dafang.admin');
      const names = (await listVillages(db, { countyId: admin.countyId ?? '' }, {})).items.map((v) => v.name);
      expect(names).toContain(villageName);
    } finally {
      await second.stop();
    }
  });
});
