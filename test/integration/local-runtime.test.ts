import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { getUsername, listHouseholds, listRuleSets, listTownships, listVillages } from '@xjf/data';
import { isSeeded, localApp, localDb, seedDemo, startDynamoLocal } from '@xjf/local';
import { afterAll, describe, expect, it } from 'vitest';
import { client } from '../support/http';

const root = fileURLToPath(new URL('../../', import.meta.url));
const dataDir = mkdtempSync(join(tmpdir(), 'xjf-local-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe('the local runtime', () => {
  // Two DynamoDB Local starts and a seed on disk: slow on 2 busy cores, so a generous limit.
  it('seeds the demo county once and keeps onboarded villages across a restart', {
    timeout: 240_000,
  }, async () => {
    const first = await startDynamoLocal({ dbPath: dataDir });
    let villageName: string;
    try {
      const db = await localDb(first.endpoint);
      expect(await isSeeded(db)).toBe(false);
      const { inviteCode } = await seedDemo(db, new Date());
      const admin = await getUsername(db, 'dafang.admin');
      const scope = { countyId: admin.countyId ?? '' };
      expect((await listTownships(db, scope, {})).items.length).toBeGreaterThanOrEqual(4);
      expect((await listVillages(db, scope, {})).items.map((v) => v.name)).toContain('银川村');
      expect((await listVillages(db, scope, {})).items.length).toBeGreaterThanOrEqual(8);
      const yinchuan = await getUsername(db, 'yinchuan.admin');
      const ruleSets = await listRuleSets(db, {
        countyId: scope.countyId,
        villageId: yinchuan.villageId ?? '',
      });
      expect(ruleSets.map((r) => [r.name, r.latestVersion, Boolean(r.draft)]).sort()).toEqual([
        ['银川村文明积分细则', 1, false],
        ['银川村生态积分细则', 2, true],
      ]);
      const households = await listHouseholds(
        db,
        { countyId: scope.countyId, villageId: yinchuan.villageId ?? '' },
        { q: '罗先和' },
      );
      expect(households.items.map((h) => h.number)).toEqual(['0001']);

      const call = client(localApp({ db, secret: 's', log: () => {} }).app);
      const board = await call('GET', `/api/public/villages/${yinchuan.villageId}/board`);
      expect(board.body.village.name).toBe('银川村');
      expect(board.body.posted.length).toBeGreaterThan(0);
      // Months of records fell due at once (many pages of them): every one has settled.
      const seededAt = new Date().toISOString();
      for (const line of board.body.posted) expect(line.postedUntil > seededAt).toBe(true);
      expect(board.body.rankings[0].rows.length).toBeGreaterThan(0);
      // The seeded books balance and the dashboard's figures match the ledger, as the operator commands see them.
      for (const command of ['audit-ledger.ts', 'rebuild-aggregates.ts']) {
        const out = runCommand(command, ['--endpoint', first.endpoint]);
        expect(out.status, out.stdout + out.stderr).toBe(0);
        expect(out.stdout).toMatch(command === 'audit-ledger.ts' ? /账实相符：\d+ 个村/ : /汇总与台账一致/);
      }
      villageName = '重启村';
      const res = await call('POST', '/api/onboarding/villages', {
        body: {
          inviteCode,
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
      expect(await isSeeded(db)).toBe(true);
      const admin = await getUsername(db, 'dafang.admin');
      const names = (await listVillages(db, { countyId: admin.countyId ?? '' }, {})).items.map((v) => v.name);
      expect(names).toContain(villageName);
    } finally {
      await second.stop();
    }
  });

  function runCommand(file: string, args: string[]) {
    return spawnSync(process.execPath, ['--import', 'tsx', join(root, 'packages/local/src', file), ...args], {
      cwd: root,
      encoding: 'utf8',
      timeout: 60_000,
    });
  }

  const runStart = (env: Record<string, string>) =>
    spawnSync(process.execPath, ['--import', 'tsx', join(root, 'packages/local/src/main.ts')], {
      cwd: root,
      env: { ...process.env, ...env },
      encoding: 'utf8',
      timeout: 30_000,
    });

  it('explains a taken port in one line', async () => {
    const holder = createServer();
    await new Promise<void>((resolve) => holder.listen(0, '0.0.0.0', resolve));
    const address = holder.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    try {
      const out = runStart({ PORT: String(port) });
      expect(out.status).toBe(1);
      expect(out.stderr.trim()).toBe(
        `✗ Port ${port} is already in use: stop what uses it, or run PORT=3001 npm start.`,
      );
    } finally {
      holder.close();
    }
  });

  it('explains missing Java in one line', () => {
    const out = runStart({ PATH: join(dataDir, 'no-java-here') });
    expect(out.status).toBe(1);
    expect(out.stderr.trim()).toMatch(/^✗ Java 17\+ is needed to run DynamoDB Local/);
  });
});
