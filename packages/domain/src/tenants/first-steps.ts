import * as z from 'zod';

/** What a village's first steps are read from: counts and flags, each from one small read. */
export type FirstStepsState = {
  /** The village's own rule sets with a published version (a county's program does not count). */
  publishedRuleSets: number;
  /** Households on the roster. */
  households: number;
  /** Village staff accounts (admins, recorders 积分员, store clerks), villagers not counted. */
  staff: number;
  /** The township approves the village's points (乡镇审核), so someone besides the admin decides. */
  townshipReview: boolean;
  /** Items on the store's shelf (积分超市). */
  storeItems: number;
  /** Approved point records (on the notice board or in effect): the board has something to show. */
  approvedRecords: number;
};

export const firstStepKeys = ['rules', 'households', 'helpers', 'store', 'board'] as const;
export type FirstStepKey = (typeof firstStepKeys)[number];

export const firstStepsSchema = z
  .object({
    steps: z.array(
      z.object({
        key: z.enum(firstStepKeys),
        done: z.boolean(),
      }),
    ),
    /** Every step is done: the admin no longer needs the checklist. */
    done: z.boolean(),
  })
  .meta({ id: 'FirstSteps' });
export type FirstSteps = z.infer<typeof firstStepsSchema>;

/**
 * A new village's checklist, ticked off from what is really there: rules published, households
 * on the roster, a recorder or the township as a second pair of hands, a stocked store, and a
 * first approved record on the notice board (the board link is worth sharing once it shows one).
 */
export function firstSteps(state: FirstStepsState): FirstSteps {
  const done: Record<FirstStepKey, boolean> = {
    rules: state.publishedRuleSets > 0,
    households: state.households > 0,
    helpers: state.staff > 1 || state.townshipReview,
    store: state.storeItems > 0,
    board: state.approvedRecords > 0,
  };
  const steps = firstStepKeys.map((key) => ({ key, done: done[key] }));
  return { steps, done: steps.every((s) => s.done) };
}
