import { api, call, type Schemas } from '../../lib/api';

export type PointRecord = Schemas['PointRecord'];
export type RecordStatus = PointRecord['status'];
export type RecordCreate = Schemas['PointRecordCreate'];

export const statuses: RecordStatus[] = ['pending', 'posted', 'effective', 'rejected', 'reversed'];

export const listRecords = (villageId: string, status: RecordStatus, cursor?: string) =>
  call(
    api().GET('/api/villages/{villageId}/point-records', {
      params: { path: { villageId }, query: { status, cursor, limit: 50 } },
    }),
  );

export const createRecord = (villageId: string, body: RecordCreate, idempotencyKey: string) =>
  call(
    api().POST('/api/villages/{villageId}/point-records', {
      params: { path: { villageId }, header: { 'idempotency-key': idempotencyKey } },
      body,
    }),
  );

type Decision = { villageId: string; recordId: string; idempotencyKey: string };

export const approveRecord = ({ villageId, recordId, idempotencyKey }: Decision) =>
  call(
    api().POST('/api/villages/{villageId}/point-records/{recordId}/approve', {
      params: { path: { villageId, recordId }, header: { 'idempotency-key': idempotencyKey } },
      body: {},
    }),
  );

export const rejectRecord = ({ villageId, recordId, idempotencyKey }: Decision, reason?: string) =>
  call(
    api().POST('/api/villages/{villageId}/point-records/{recordId}/reject', {
      params: { path: { villageId, recordId }, header: { 'idempotency-key': idempotencyKey } },
      body: { reason },
    }),
  );

export const reverseRecord = ({ villageId, recordId, idempotencyKey }: Decision, reason: string) =>
  call(
    api().POST('/api/villages/{villageId}/point-records/{recordId}/reverse', {
      params: { path: { villageId, recordId }, header: { 'idempotency-key': idempotencyKey } },
      body: { reason },
    }),
  );

/** The rules in effect today for a program. */
export const activeVersion = (villageId: string, programId: string) =>
  call(
    api().GET('/api/villages/{villageId}/rule-sets/active', {
      params: { path: { villageId }, query: { program: programId } },
    }),
  );

export type RecordRow = Schemas['PointRecordImport']['rows'][number];
export type MonthGrid = Schemas['MonthGrid'];
export type GridCell = MonthGrid['cells'][number];

export const importRecords = (
  villageId: string,
  body: { programId: string; rows: RecordRow[] },
  idempotencyKey: string,
) =>
  call(
    api().POST('/api/villages/{villageId}/point-records/import', {
      params: { path: { villageId }, header: { 'idempotency-key': idempotencyKey } },
      body,
    }),
  );

export const submitMonthGrid = (villageId: string, body: MonthGrid, idempotencyKey: string) =>
  call(
    api().POST('/api/villages/{villageId}/point-records/batch', {
      params: { path: { villageId }, header: { 'idempotency-key': idempotencyKey } },
      body,
    }),
  );

export type BulkAction = Schemas['BulkDecision']['action'];
export type BulkResult = Schemas['BulkDecisionResult'];
/** At most this many records in one decisions request. */
export const BULK_LIMIT = 500;

/** 批量通过 / 批量驳回: one request, each record its own transaction, a result per record. */
export const decideRecords = (
  villageId: string,
  body: { action: BulkAction; recordIds: string[]; reason?: string },
  idempotencyKey: string,
) =>
  call(
    api().POST('/api/villages/{villageId}/point-records/decisions', {
      params: { path: { villageId }, header: { 'idempotency-key': idempotencyKey } },
      body,
    }),
  );

export type RecordedEntry = Schemas['RecordedEntry'];

/** What a month already holds: its pending, posted and effective records (optionally of one program). */
export const recordedInMonth = (villageId: string, month: string, programId?: string) =>
  call(
    api().GET('/api/villages/{villageId}/point-records/month', {
      params: { path: { villageId }, query: { month, programId } },
    }),
  );

/** At most this many pending records are read into the queue (pages of 100). */
export const QUEUE_LIMIT = 5000;

/**
 * The whole queue of a status, page after page, so it can be sorted by 户号 and filtered here
 * (a village's pending work is a month or two of grids). `truncated` when it stopped at the limit.
 */
export async function allRecords(villageId: string, status: RecordStatus) {
  const items: PointRecord[] = [];
  let cursor: string | undefined;
  do {
    const page = await call(
      api().GET('/api/villages/{villageId}/point-records', {
        params: { path: { villageId }, query: { status, cursor, limit: 100 } },
      }),
    );
    items.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor && items.length < QUEUE_LIMIT);
  return { items, truncated: Boolean(cursor) };
}
