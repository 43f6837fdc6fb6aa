import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { getUsername, listHouseholds, listRuleSets, listTownships, listVillages } from '@xjf/data';
import { DEMO_PASSWORD, isSeeded, localApp, localDb, startDynamoLocal } from '@xjf/local';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { client } from '../support/http';

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
