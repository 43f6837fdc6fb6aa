import { type Db, householdOfUser } from '@xjf/data';
import { type Actor, assertOwnHousehold } from '@xjf/domain';

/**
 * A villager reads only the household their user is linked to: the link is read from their
 * user item by the token's subject, never taken from input. Staff pass; their role decides.
 */
export async function assertMayReadHousehold(
  db: Db,
  actor: Actor,
  scope: { countyId: string; villageId: string },
  householdId: string,
): Promise<void> {
  if (actor.role !== 'villager') return;
  assertOwnHousehold(
    { role: actor.role, householdId: await householdOfUser(db, scope, actor.userId) },
    householdId,
  );
}
