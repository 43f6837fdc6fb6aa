import type { Db } from './client';
import { expireLapsedPoints } from './points/expiry';
import { eachVillage } from './points/ledger-audit';
import { settleDuePostings } from './points/settlement';

/**
 * The scheduled work of every village: postings whose window has ended take effect (入账), and
 * programs with an annual reset clear what lapsed. Both are safe to run again at any time, so
 * a late, repeated or overlapping run changes nothing twice. One village's failure is reported
 * and does not stop the others.
 */
export async function runScheduledJobs(db: Db, now: Date) {
  const summary = {
    villages: 0,
    settled: 0,
    expired: 0,
    failures: [] as { village: string; error: string }[],
  };
  for await (const v of eachVillage(db)) {
    summary.villages++;
    try {
      summary.settled += await settleDuePostings(db, v.scope, now);
      summary.expired += await expireLapsedPoints(db, v.scope, now);
    } catch (error) {
      summary.failures.push({ village: `${v.county} ${v.village}`, error: String(error) });
    }
  }
  return summary;
}
