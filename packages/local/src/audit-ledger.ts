import { auditDeployment } from '@xjf/data';
import { openTable } from './open-table';

/**
 * `npm run audit:ledger`: checks every village's books (balances = sums of ledger entries, no
 * negative balance, nothing posted twice, stock = sum of movements) and exits 1 on any problem.
 */
const { db, stop } = await openTable();
const results = await auditDeployment(db);
let problems = 0;
for (const r of results) {
  const mark = r.problems.length === 0 ? '✓' : '✗';
  console.log(
    `${mark} ${r.county} ${r.village}: ${r.accounts} 个账户, ${r.entries} 条分录, ${r.items} 种商品`,
  );
  for (const p of r.problems) console.log(`    ${p}`);
  problems += r.problems.length;
}
console.log(
  problems === 0
    ? `账实相符：${results.length} 个村全部核对无误 (all ${results.length} villages reconcile)`
    : `✗ 发现 ${problems} 处不符 (${problems} mismatches)`,
);
await stop();
process.exit(problems === 0 ? 0 : 1);
