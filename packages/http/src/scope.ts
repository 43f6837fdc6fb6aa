import { type Db, getVillage, keys } from '@xjf/data';
import { type Actor, ForbiddenError, NotFoundError } from '@xjf/domain';

export type CountyScope = { countyId: string };
export type VillageScope = { countyId: string; villageId: string };

/**
 * The county a request may touch. The path names it, but only the token decides: another
 * county's id answers 404, exactly as a county that does not exist, so nothing leaks.
 */
export function countyScopeOf(
  actor: Actor,
  countyId: string,
  options: { platform?: boolean } = {},
): CountyScope {
  if (actor.kind === 'platform' && options.platform) return { countyId };
  if (actor.kind !== 'platform' && actor.countyId === countyId) return { countyId: actor.countyId };
  throw new NotFoundError('县 (county)');
}

/**
 * The village a request may touch: a village user's own village, or for county users any
 * village stored under their own county's partition (looked up there, so a foreign id is not found).
 */
export async function villageScopeOf(db: Db, actor: Actor, villageId: string): Promise<VillageScope> {
  if (actor.kind === 'village' && actor.villageId === villageId)
    return { countyId: actor.countyId, villageId };
  if (actor.kind === 'county') {
    const village = await getVillage(db, { countyId: actor.countyId, villageId });
    // A township reviewer reaches its own township's villages only; others are not found.
    if (actor.role === 'township_reviewer' && village.townshipId !== actor.townshipId)
      throw new NotFoundError('村 (village)');
    return { countyId: actor.countyId, villageId };
  }
  throw new NotFoundError('村 (village)');
}

/** The partition prefix of the actor's own tenant, for records such as idempotency keys. */
export function tenantPrefixOf(actor: Actor | undefined): string {
  if (!actor) return 'PUBLIC';
  if (actor.kind === 'platform') return `PLATFORM#U#${actor.userId}`;
  const tenant =
    actor.kind === 'village'
      ? keys.tenantScope.village(actor.countyId, actor.villageId)
      : keys.tenantScope.county(actor.countyId);
  return `${tenant}#U#${actor.userId}`;
}

/** A partner user's county and partner, from the token alone; anyone else is refused. */
export function partnerScopeOf(actor: Actor) {
  if (actor.kind !== 'county' || actor.role !== 'partner' || !actor.partnerId)
    throw new ForbiddenError('仅合作机构用户可用 (partner users only)');
  return {
    countyId: actor.countyId,
    partnerId: actor.partnerId,
    userId: actor.userId,
    name: actor.name || actor.username,
  };
}
