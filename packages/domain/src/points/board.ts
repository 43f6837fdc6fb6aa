import * as z from 'zod';
import { maskName } from '../households/schemas';
import { isoDateTime } from '../text';

/**
 * The public notice board (公示栏), readable without signing in. It carries only what a paper
 * board on the village wall would: masked names, village groups, rules, points and dates;
 * never people's ids, phone numbers or full names.
 */
const boardLine = z.object({
  /** Masked, as 罗*和. */
  name: z.string(),
  group: z.string(),
  programName: z.string(),
  ruleName: z.string(),
  points: z.int(),
  occurredOn: z.iso.date(),
});

export const postedLineSchema = boardLine
  .extend({
    /** The record's id, so an objection can name it; it says nothing about the person. */
    recordId: z.string(),
    postedUntil: isoDateTime,
  })
  .meta({ id: 'BoardPostedLine' });

export const effectiveLineSchema = boardLine
  .extend({ effectiveAt: isoDateTime })
  .meta({ id: 'BoardEffectiveLine' });

export const rankingRowSchema = z
  .object({ rank: z.int(), name: z.string(), group: z.string(), earned: z.int() })
  .meta({ id: 'BoardRankingRow' });

export const publicBoardSchema = z
  .object({
    village: z.object({
      name: z.string(),
      townshipName: z.string(),
      countyName: z.string(),
      postingDays: z.int(),
    }),
    posted: z.array(postedLineSchema),
    recentlyEffective: z.array(effectiveLineSchema),
    rankings: z.array(z.object({ programName: z.string(), rows: z.array(rankingRowSchema) })),
    generatedAt: isoDateTime,
  })
  .meta({ id: 'PublicBoard' });
export type PublicBoard = z.infer<typeof publicBoardSchema>;

type HouseholdView = { id: string; group: string; headName: string; members: { id: string; name: string }[] };
type RecordView = {
  householdId: string;
  headName: string;
  memberId?: string;
  programId: string;
  rule: { name: string };
  estimate: number;
  points?: number;
  occurredOn: string;
};

/** One record as the board shows it: the member's (or head's) masked name and the household's group. */
export function boardLineOf(
  record: RecordView,
  household: HouseholdView | undefined,
  programName: string,
): z.infer<typeof boardLine> {
  const member = record.memberId ? household?.members.find((m) => m.id === record.memberId) : undefined;
  return {
    name: maskName(member?.name ?? household?.headName ?? record.headName),
    group: household?.group ?? '',
    programName,
    ruleName: record.rule.name,
    points: record.points ?? record.estimate,
    occurredOn: record.occurredOn,
  };
}

/**
 * 积分榜: households by points earned in one program, the top `limit`. Equal points share a rank
 * (1, 1, 3), so the board never ranks one neighbour above another for nothing.
 */
export function rankHouseholds(
  accounts: readonly { householdId: string; earned: number }[],
  households: ReadonlyMap<string, HouseholdView>,
  limit: number,
): z.infer<typeof rankingRowSchema>[] {
  const earned = new Map<string, number>();
  for (const a of accounts) earned.set(a.householdId, (earned.get(a.householdId) ?? 0) + a.earned);
  const sorted = [...earned.entries()]
    .filter(([id, points]) => points > 0 && households.has(id))
    .sort((a, b) => b[1] - a[1]);
  return sorted.slice(0, limit).map(([id, points]) => {
    const household = households.get(id) as HouseholdView;
    return {
      rank: sorted.findIndex(([, p]) => p === points) + 1,
      name: maskName(household.headName),
      group: household.group,
      earned: points,
    };
  });
}
