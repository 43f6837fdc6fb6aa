import { type Actor, isCountyRole, isVillageRole, roleSchema, UnauthenticatedError } from '@xjf/domain';
import * as z from 'zod';

/**
 * The claims of our access tokens that carry tenancy. Only the issuer (functions/api/src/auth)
 * signs them, from the user's record at sign-in and at each refresh, so they are trusted once
 * the signature, issuer, audience and expiry are verified.
 */
export const tenancyClaimsSchema = z.object({
  sub: z.string().min(1),
  username: z.string().min(1),
  name: z.string().default(''),
  role: roleSchema,
  countyId: z.string().optional(),
  villageId: z.string().optional(),
  partnerId: z.string().optional(),
  townshipId: z.string().optional(),
});
export type TenancyClaims = z.infer<typeof tenancyClaimsSchema>;

export function actorFromClaims(payload: unknown): Actor {
  const parsed = tenancyClaimsSchema.safeParse(payload);
  if (!parsed.success)
    throw new UnauthenticatedError('令牌缺少身份信息 (token lacks tenancy claims)', 'invalid_token');
  const { sub, username, name, role, countyId, villageId, partnerId, townshipId } = parsed.data;
  const base = { userId: sub, username, name };
  if (role === 'platform_operator') return { kind: 'platform', role, ...base };
  // A partner user reads only its own partner's households, so its token must name the partner.
  if (role === 'partner' && countyId && partnerId)
    return { kind: 'county', role, countyId, partnerId, ...base };
  // A township reviewer sees only its township's villages, so its token must name the township.
  if (role === 'township_reviewer' && countyId && townshipId)
    return { kind: 'county', role, countyId, townshipId, ...base };
  if (isCountyRole(role) && role !== 'partner' && role !== 'township_reviewer' && countyId)
    return { kind: 'county', role, countyId, ...base };
  if (isVillageRole(role) && countyId && villageId)
    return { kind: 'village', role, countyId, villageId, ...base };
  throw new UnauthenticatedError('令牌的角色与范围不符 (role and scope do not match)', 'invalid_token');
}

export function claimsForUser(user: {
  id: string;
  username: string;
  name: string;
  role: string;
  countyId?: string;
  villageId?: string;
  partnerId?: string;
  townshipId?: string;
}): TenancyClaims {
  return tenancyClaimsSchema.parse({
    sub: user.id,
    username: user.username,
    name: user.name,
    role: user.role,
    countyId: user.countyId,
    villageId: user.villageId,
    partnerId: user.partnerId,
    townshipId: user.townshipId,
  });
}

/** Verifies a bearer token and returns its tenancy; throws UnauthenticatedError when it cannot. */
export interface TokenVerifier {
  verify(token: string): Promise<Actor>;
}
