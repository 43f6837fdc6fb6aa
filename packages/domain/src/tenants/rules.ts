import {
  type Actor,
  type CountyRole,
  countyRoles,
  type Role,
  type VillageRole,
  villageRoles,
} from '../actor';
import { ConflictError, ForbiddenError, GoneError } from '../errors';
import type { InviteStatus } from './schemas';

const DAY_MS = 86_400_000;

export const inviteExpiry = (now: Date, days: number): Date => new Date(now.getTime() + days * DAY_MS);

export function inviteStatus(invite: { usedAt?: string; expiresAt: string }, now: Date): InviteStatus {
  if (invite.usedAt) return 'used';
  return new Date(invite.expiresAt).getTime() <= now.getTime() ? 'expired' : 'active';
}

/** A code may onboard exactly one village, and only before it expires. */
export function assertInviteUsable(invite: { usedAt?: string; expiresAt: string }, now: Date): void {
  const status = inviteStatus(invite, now);
  if (status === 'used')
    throw new ConflictError('invite_used', '该邀请码已被使用 (this invite code was already used)');
  if (status === 'expired')
    throw new GoneError('invite_expired', '该邀请码已过期 (this invite code has expired)');
}

/** Users are managed by the admins above them: which roles may this actor give in a county? */
export function assignableCountyRoles(actor: Actor): readonly CountyRole[] {
  if (actor.role === 'platform_operator' || actor.role === 'county_admin') return countyRoles;
  return [];
}

/** …and in a village of that county? */
export function assignableVillageRoles(actor: Actor): readonly VillageRole[] {
  if (actor.role === 'county_admin' || actor.role === 'village_admin') return villageRoles;
  return [];
}

export function assertMayAssign(role: Role, allowed: readonly Role[]): void {
  if (!allowed.includes(role)) {
    throw new ForbiddenError(`不能创建该角色的用户 (you may not create a ${role})`, 'role_not_assignable');
  }
}
