import * as z from 'zod';
import { ConflictError } from '../errors';
import { isoDateTime, nameText, optionalText, phoneSchema } from '../text';
import { nextStatus, type RecordStatus } from './records';

/** What anyone may send from the public notice board: a reason, and optionally who they are. */
export const objectionCreateSchema = z
  .strictObject({
    reason: nameText(200)
      .refine((s) => [...s].length >= 2, '请写明异议理由，至少 2 个字 (give a reason, 2 characters or more)')
      .meta({ example: '这户人家当天不在村里 (this household was away that day)' }),
    name: optionalText(20),
    phone: phoneSchema.optional(),
  })
  .meta({ id: 'ObjectionCreate' });
export type ObjectionCreate = z.infer<typeof objectionCreateSchema>;

/** An objection as kept on the record; staff see who lodged it, the public board never does. */
export const objectionSchema = z
  .object({
    at: isoDateTime,
    reason: z.string(),
    name: z.string().optional(),
    phone: z.string().optional(),
    /** Set when village staff lodged it signed in; public objections have none. */
    byUserId: z.string().optional(),
  })
  .meta({ id: 'Objection' });
export type Objection = z.infer<typeof objectionSchema>;

/**
 * A record can be objected to a few times over its life (each objection sends it back for
 * review); past that, objections go to the village committee in person, so one caller cannot
 * hold a record off the ledger forever.
 */
export const MAX_OBJECTIONS = 5;

/** The status an objection moves a record to, or a 409 saying why it cannot be lodged now. */
export function objectionOutcome(
  record: { status: RecordStatus; postedUntil?: string; objections?: readonly unknown[] },
  now: Date,
): RecordStatus {
  const windowOver =
    record.status === 'posted' && (!record.postedUntil || record.postedUntil <= now.toISOString());
  if (windowOver || record.status === 'effective' || record.status === 'reversed') {
    throw new ConflictError(
      'posting_ended',
      '公示期已结束，积分已入账，不能再提出异议 (the posting window has ended)',
    );
  }
  if ((record.objections?.length ?? 0) >= MAX_OBJECTIONS) {
    throw new ConflictError(
      'too_many_objections',
      `该记录已有 ${MAX_OBJECTIONS} 次异议，请直接联系村委会 (too many objections; contact the village committee)`,
    );
  }
  return nextStatus(record.status, 'object', 1);
}
