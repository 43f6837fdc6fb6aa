import * as z from 'zod';
import { idSchema } from '../ids';
import { recordedStatuses } from './duplicates';

/** A record that still counts, in the fields checks need (see duplicates.ts). */
export const recordedEntrySchema = z
  .object({
    id: idSchema,
    programId: idSchema,
    householdId: idSchema,
    memberId: idSchema.optional(),
    accountRef: z.string(),
    ruleCode: z.string(),
    status: z.enum(recordedStatuses),
    occurredOn: z.iso.date(),
    /** The points once effective, else the estimate (before caps). */
    points: z.int(),
    createdAt: z.string(),
  })
  .meta({ id: 'RecordedEntry' });

export const recordedMonthSchema = z
  .object({ month: z.string(), items: z.array(recordedEntrySchema) })
  .meta({ id: 'RecordedMonth' });
export type RecordedMonth = z.infer<typeof recordedMonthSchema>;
