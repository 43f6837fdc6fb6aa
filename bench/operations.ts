import { chinaDate } from '@xjf/domain';
import type { World } from './world';

export const OPERATIONS = ['record', 'approve', 'redeem', 'householdRead', 'countyReport'] as const;
export type Operation = (typeof OPERATIONS)[number];

export const operationLabels: Record<Operation, string> = {
  record: 'record points (POST point-records)',
  approve: 'approve a record (POST point-records/{id}/approve)',
  redeem: 'redeem at the store (POST redemptions)',
  householdRead: 'household ledger (GET households/{id}/ledger)',
  countyReport: 'county report (GET counties/{id}/reports/villages)',
};

/**
 * The five API operations. Client c works on household c (and shelf item c), so concurrent
 * clients never race for one account; the village's month aggregate is shared by all, as in
 * a real village. Each run of records is approved by the approval run at the same level.
 */
export function operations(w: World) {
  const { main } = w;
  const pending = new Map<string, string[]>();
  const queue = (run: string) => pending.get(run) ?? (pending.set(run, []).get(run) as string[]);
  const today = chinaDate(new Date());

  return {
    /** `run` names whose records a later approval run takes, e.g. "warm" or "c8". */
    record: (run: string) => async (i: number, client: number) => {
      const rec = await w.call('POST', `${main.base}/point-records`, main.recorderToken, {
        programId: main.programId,
        householdId: w.households[client],
        ruleCode: 'GRANT',
        occurredOn: today,
      });
      queue(run)[i] = rec.id;
    },
    approve: (run: string) => async (i: number) => {
      const id = queue(run)[i];
      if (!id) throw new Error(`no pending record ${i} in run ${run}`);
      await w.call('POST', `${main.base}/point-records/${id}/approve`, main.adminToken, {});
    },
    redeem: () => async (_: number, client: number) => {
      await w.call('POST', `${main.base}/redemptions`, main.adminToken, {
        householdId: w.households[client],
        lines: [{ itemId: w.items[client], quantity: 1, price: 1 }],
      });
    },
    householdRead: () => async (_: number, client: number) => {
      await w.call('GET', `${main.base}/households/${w.households[client]}/ledger`, main.adminToken);
    },
    countyReport: () => async () => {
      await w.call('GET', `/api/counties/${w.countyId}/reports/villages`, w.officialToken);
    },
  } satisfies Record<Operation, (run: string) => (i: number, client: number) => Promise<void>>;
}
