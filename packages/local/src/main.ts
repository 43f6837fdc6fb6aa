import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { serve } from '@hono/node-server';
import { backfillVillageRefs, runScheduledJobs } from '@xjf/data';
import { jsonLog, type Log } from '@xjf/http';
import { startDynamoLocal } from './dynamo-local';
import { javaProblem } from './java';
import { portIsFree } from './ports';
import { DEMO_PASSWORD, demoCounties, PLATFORM_OPERATOR, VILLAGER_SIGN_IN } from './seed';
import { DYNAMO_LOCAL_FILE, seedDemoInto } from './seed-files';
import { ensureDemoSignIns } from './seed-passwords';
import { localApp, localDb, localSecret, localSigningKeyPem } from './server';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const dataDir = `${root}.data`;
const webDist = `${root}web/dist`;

function fail(message: string): never {
  console.error(`✗ ${message}`);
  process.exit(1);
}

const port = Number(process.env.PORT ?? 3000);
if (!Number.isInteger(port) || port < 1 || port > 65535)
  fail(`PORT must be a port number, not "${process.env.PORT}".`);
const java = javaProblem();
if (java) fail(java);
if (!(await portIsFree(port)))
  fail(`Port ${port} is already in use: stop what uses it, or run PORT=3001 npm start.`);

mkdirSync(`${dataDir}/dynamodb`, { recursive: true });
let spareInvite: string | undefined;
// A first start seeds the demo in memory and moves it here whole (seed-files.ts says why).
if (!existsSync(`${dataDir}/dynamodb/${DYNAMO_LOCAL_FILE}`)) {
  console.log('首次启动，正在写入演示数据 (seeding the demo county)…');
  spareInvite = (await seedDemoInto(`${dataDir}/dynamodb`, new Date())).inviteCode;
}
const dynamo = await startDynamoLocal({ dbPath: `${dataDir}/dynamodb` });
const db = await localDb(dynamo.endpoint);
// Lets `npm run audit:ledger` use this DynamoDB Local instead of opening the same files twice.
writeFileSync(`${dataDir}/endpoint`, dynamo.endpoint);
if (!spareInvite) {
  // Data kept from before the public notice board lacks its village → county lookup, and data
  // from before our own sign-in lacks passwords.
  await backfillVillageRefs(db);
  await ensureDemoSignIns(db);
}

// Only requests that fail are logged locally; the Lambda logs every request.
const quietLog: Log = (entry) => {
  if (entry.level !== 'info') jsonLog(entry);
};
const { app } = localApp({
  db,
  secret: localSecret(dataDir),
  log: quietLog,
  webDist,
  photosDir: `${dataDir}/uploads`,
  signingKeyPem: localSigningKeyPem(dataDir),
  issuer: `http://localhost:${port}`,
  printSms: true,
});
const server = serve({ fetch: app.fetch, port });
// What EventBridge runs every 15 minutes in AWS: ended postings take effect, annual resets apply.
const jobs = setInterval(() => {
  runScheduledJobs(db, new Date())
    .then((s) => {
      for (const f of s.failures) jsonLog({ level: 'error', msg: 'scheduled job failed', ...f });
    })
    .catch((error: unknown) =>
      jsonLog({ level: 'error', msg: 'scheduled jobs failed', error: String(error) }),
    );
}, 60_000);

const signIns = [
  PLATFORM_OPERATOR.username,
  ...demoCounties.flatMap((c) => [
    ...c.users.map(([username]) => username),
    ...c.townships.flatMap((t) => t.villages.map((v) => v.admin[0])),
  ]),
  'yinchuan.recorder',
  'yinchuan.clerk',
  `${VILLAGER_SIGN_IN} (村民 罗先和, SMS)`,
];
console.log(`
小积分 Xiaojifen is running
  Admin     http://localhost:${port}/
  API       http://localhost:${port}/api   (docs: http://localhost:${port}/api/docs)
  DynamoDB  ${dynamo.endpoint}   (data in .data/dynamodb)

Demo sign-ins: pick one on the sign-in page (demo only), or sign in for real with
  password ${DEMO_PASSWORD} (the operator and county admins then set up an authenticator app):
  ${signIns.join(', ')}
  Villagers sign in with their mobile and a code; codes are printed here (短信) and kept at /api/dev/sms.
${spareInvite ? `\nAn unused invite code for 大方县 凤山乡: ${spareInvite}  (open http://localhost:${port}/onboarding)\n` : ''}
Ctrl-C stops everything.`);

let stopping = false;
async function stop() {
  if (stopping) return;
  stopping = true;
  clearInterval(jobs);
  server.close();
  rmSync(`${dataDir}/endpoint`, { force: true });
  await dynamo.stop();
  process.exit(0);
}
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
