import * as z from 'zod';
import { isoDateTime } from '../text';

/** What the audit log records: every change a county must be able to trace back to someone. */
export const auditActions = [
  'create',
  'approve',
  'reject',
  'object',
  'reverse',
  'import',
  /** A household's consent to a partner recorded or withdrawn, and every partner look-up of it. */
  'consent',
  'consent_withdraw',
  'partner_lookup',
  /** A partner issued a signed score certificate for a household. */
  'certificate_issue',
  /** What an account does: in the log of the village, county or platform it belongs to. */
  'sign_in',
  'sign_in_failed',
  'account_locked',
  'password_change',
  'password_reset',
  'totp_enrol',
  'refresh_reuse',
  'sign_out',
] as const;
export type AuditAction = (typeof auditActions)[number];

export const auditEntrySchema = z
  .object({
    id: z.string(),
    at: isoDateTime,
    action: z.enum(auditActions),
    /** Who: a signed-in user's id and name, or a member of the public (no id). */
    byUserId: z.string().optional(),
    byName: z.string(),
    recordId: z.string().optional(),
    householdNumber: z.string().optional(),
    ruleName: z.string().optional(),
    points: z.int().optional(),
    reason: z.string().optional(),
    /** Anything else worth keeping, e.g. how many rows an import wrote. */
    detail: z.string().optional(),
  })
  .meta({ id: 'AuditEntry' });
export type AuditEntry = z.infer<typeof auditEntrySchema>;

/** China days, both inclusive. */
export const auditQuerySchema = z
  .strictObject({
    from: z.iso.date().optional(),
    to: z.iso.date().optional(),
    limit: z.coerce.number().int().min(1).max(100).optional(),
    cursor: z.string().max(2048).optional(),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, {
    message: '开始日期不能晚于结束日期 (from must not be after to)',
    path: ['from'],
  });

/** The instant a China day starts, as the ISO string audit keys sort by. */
export const chinaDayStart = (day: string): string => new Date(`${day}T00:00:00+08:00`).toISOString();

/** The instant after a China day ends. */
export const chinaDayEnd = (day: string): string =>
  new Date(new Date(`${day}T00:00:00+08:00`).getTime() + 86_400_000).toISOString();
