import { countRefusedSelfApproval, getRecord } from '@xjf/data';
import { ForbiddenError } from '@xjf/domain';
import type { Deps } from '@xjf/http';

/** A refused self-approval is a signal on the county dashboard: count it, then refuse as before. */
export async function countingRefusals<T>(
  deps: Deps,
  scope: { countyId: string; villageId: string },
  recordId: string,
  decide: () => Promise<T>,
) {
  try {
    return await decide();
  } catch (error) {
    if (
      error instanceof ForbiddenError &&
      (error.code === 'self_approval' || error.code === 'own_household')
    ) {
      const record = await getRecord(deps.db, scope, recordId);
      await countRefusedSelfApproval(deps.db, scope, record.programId, deps.clock());
    }
    throw error;
  }
}
