import { type Actor, isCountyRole, isVillageRole, roleSchema, UnauthenticatedError } from '@xjf/domain';
import * as z from 'zod';

/**
 * The claims of a Cognito ID token that carry tenancy. The custom attributes are immutable and
 * not writable by users (see infra/auth), so they can be trusted once the signature is verified.
 * Local dev tokens carry exactly the same claims, so one mapping serves both.
 */
export const tenancyClaimsSchema = z.object({
  sub: z.string().min(1),
  'cognito:username': z.string().min(1),
  name: z.string().default(''),
  'custom:role': roleSchema,
  'custom:userId': z.string().min(1),
  'custom:countyId': z.string().optional(),
  'custom:villageId': z.string().optional(),
  'custom:partnerId': z.string().optional(),
});
export type TenancyClaims = z.infer<typeof tenancyClaimsSchema>;

export function actorFromClaims(payload: unknown): Actor {
  const parsed = tenancyClaimsSchema.safeParse(payload);
  if (!parsed.success)
    throw new UnauthenticatedError('令牌缺少身份信息 (token lacks tenancy claims)', 'invalid_token');
  const c = parsed.data;
  const base = { userId: c['custom:userId'], username: c['cognito:username'], name: c.name };
  const role = c['custom:role'];
  const countyId = c['custom:countyId'];
  const villageId = c['custom:villageId'];
  if (role === 'platform_operator') return { kind: 'platform', role, ...base };
  const partnerId = c['custom:partnerId'];
  // A partner user reads only its own partner's households, so its token must name the partner.
  if (role === 'partner' && countyId && partnerId)
    return { kind: 'county', role, countyId, partnerId, ...base };
  if (isCountyRole(role) && role !== 'partner' && countyId)
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
}): TenancyClaims {
  return tenancyClaimsSchema.parse({
    sub: user.id,
    'cognito:username': user.username,
    name: user.name,
    'custom:role': user.role,
    'custom:userId': user.id,
    'custom:countyId': user.countyId,
    'custom:villageId': user.villageId,
    'custom:partnerId': user.partnerId,
  });
}

/** Verifies a bearer token and returns its tenancy; throws UnauthenticatedError when it cannot. */
export interface TokenVerifier {
  verify(token: string): Promise<Actor>;
}
