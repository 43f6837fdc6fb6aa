import { createDb, runScheduledJobs } from '@xjf/data';
import { jsonLog } from '@xjf/http/log';

const tableName = process.env.TABLE_NAME;
const region = process.env.AWS_REGION;
if (!tableName || !region) throw new Error('missing environment variable TABLE_NAME or AWS_REGION');
const db = createDb({ tableName, region });

/**
 * Invoked by the EventBridge schedule: settles ended postings and applies annual resets in every
 * village. Throws when a village failed, so the invocation counts as an error (alarm) and
 * EventBridge retries it; the work is idempotent, so a retry only finishes what is left.
 */
export async function handler(): Promise<{ villages: number; settled: number; expired: number }> {
  const summary = await runScheduledJobs(db, new Date());
  jsonLog({ level: summary.failures.length ? 'error' : 'info', msg: 'scheduled jobs', ...summary });
  if (summary.failures.length) throw new Error(`${summary.failures.length} villages failed`);
  return { villages: summary.villages, settled: summary.settled, expired: summary.expired };
}
