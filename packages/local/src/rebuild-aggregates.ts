import { eachVillage, rebuildVillageMonths } from '@xjf/data';
import { openTable } from './open-table';

/**
 * `npm run rebuild:aggregates`: recomputes every village's monthly figures from its ledger and
 * reports each month that differs from what the dashboard reads; `-- --write` replaces them.
 * Exits 1 when something differed and was not written.
 */
const { db, flags, stop } = await openTable({ write: { type: 'boolean' } });
const write = flags.write === true;
let differing = 0;
let villages = 0;
for await (const v of eachVillage(db)) {
  villages++;
  const differences = await rebuildVillageMonths(db, v.scope, { write });
  for (const d of differences) {
    console.log(
      `${write ? '已重算' : '✗ 不符'} ${v.county} ${v.village} ${d.month} 项目 ${d.programId}: 台账 ${JSON.stringify(d.ledger ?? null)} / 汇总 ${JSON.stringify(d.stored ?? null)}`,
    );
  }
  differing += differences.length;
}
console.log(
  differing === 0
    ? `汇总与台账一致：${villages} 个村 (aggregates match the ledger in ${villages} villages)`
    : `${differing} 个月度汇总${write ? '已按台账重写 (rewritten from the ledger)' : '与台账不符；加 -- --write 重写 (differ; rerun with -- --write)'}`,
);
await stop();
process.exit(differing === 0 || write ? 0 : 1);
