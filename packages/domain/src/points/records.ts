import { ConflictError, ForbiddenError } from '../errors';

/**
 * A point record's life: recorded (pending) → approved and publicly posted (公示) → in effect
 * (入账, on the ledger). Rejected records stop; an objection during posting sends a record back
 * to pending; an effective record can only be corrected by a reversing entry.
 */
export const recordStatuses = ['pending', 'rejected', 'posted', 'effective', 'reversed'] as const;
export type RecordStatus = (typeof recordStatuses)[number];

export type RecordAction = 'approve' | 'reject' | 'object' | 'takeEffect' | 'reverse';

const allowed: Record<RecordAction, readonly RecordStatus[]> = {
  approve: ['pending'],
  reject: ['pending'],
  object: ['posted'],
  takeEffect: ['posted'],
  reverse: ['effective'],
};

const refusal: Record<RecordAction, string> = {
  approve: '只有待审核的记录可以审核通过 (only pending records can be approved)',
  reject: '只有待审核的记录可以驳回 (only pending records can be rejected)',
  object: '只有公示中的记录可以提出异议 (objections only during public posting)',
  takeEffect: '只有公示中的记录可以入账 (only posted records take effect)',
  reverse: '只有已入账的记录可以冲正，且只能冲正一次 (only effective records, once)',
};

/** The status a record moves to, or a 409 naming why it cannot. */
export function nextStatus(current: RecordStatus, action: RecordAction, postingDays: number): RecordStatus {
  if (!allowed[action].includes(current)) throw new ConflictError(`cannot_${action}`, refusal[action]);
  switch (action) {
    case 'approve':
      return postingDays === 0 ? 'effective' : 'posted';
    case 'reject':
      return 'rejected';
    case 'object':
      return 'pending';
    case 'takeEffect':
      return 'effective';
    case 'reverse':
      return 'reversed';
  }
}

/**
 * Maker-checker: nobody approves what they recorded, nor points for their own household; and a
 * township reviewer decides only in villages that asked for township review (乡镇审核).
 */
export function assertMayApprove(
  record: { recordedBy: string; householdId: string },
  approver: { userId: string; householdId?: string; role?: string },
  village: { townshipReview?: boolean } = {},
): void {
  if (approver.role === 'township_reviewer' && !village.townshipReview) {
    throw new ForbiddenError(
      '该村未开启乡镇审核，由村管理员审核 (this village has not asked for township review)',
      'township_review_off',
    );
  }
  if (record.recordedBy === approver.userId) {
    throw new ForbiddenError('不能审核自己录入的记录 (you recorded this yourself)', 'self_approval');
  }
  if (approver.householdId && record.householdId === approver.householdId) {
    throw new ForbiddenError('不能审核自己家的积分 (this is your own household)', 'own_household');
  }
}

export { DEFAULT_POSTING_DAYS } from '../defaults';
