import { runScheduledJobs } from '@xjf/data';
import { openTable } from './open-table';

/**
 * `npm run jobs`: what the EventBridge schedule runs in AWS, once, now: postings whose window
 * has ended take effect and annual resets are applied. `npm start` also runs it every minute.
 */
const { db, stop } = await openTable();
const summary = await runScheduledJobs(db, new Date());
console.log(
  `${summary.villages} 个村：${summary.settled} 条公示期满入账，${summary.expired} 分年度清零 (${summary.settled} postings took effect, ${summary.expired} points lapsed)`,
);
for (const f of summary.failures) console.error(`✗ ${f.village}: ${f.error}`);
await stop();
process.exit(summary.failures.length === 0 ? 0 : 1);
