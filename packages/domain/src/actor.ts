import * as z from 'zod';

export const roles = [
  'platform_operator',
  'county_admin',
  'county_official',
  'partner',
  'township_reviewer',
  'village_admin',
  'recorder',
  'store_clerk',
  'villager',
] as const;
export const roleSchema = z.enum(roles);
export type Role = z.infer<typeof roleSchema>;

/**
 * County users. A township reviewer (乡镇审核员) belongs to one township of the county and
 * approves the points of its villages that asked for township review (small villages with one
 * cadre, who may not approve what they recorded themselves).
 */
export const countyRoles = [
  'county_admin',
  'county_official',
  'partner',
  'township_reviewer',
] as const satisfies readonly Role[];
/** A villager signs in to see their own household and declare points for it (自主申报), nothing else. */
export const villageRoles = [
  'village_admin',
  'recorder',
  'store_clerk',
  'villager',
] as const satisfies readonly Role[];
export type CountyRole = (typeof countyRoles)[number];
export type VillageRole = (typeof villageRoles)[number];

export const isVillageRole = (role: Role): role is VillageRole =>
  (villageRoles as readonly Role[]).includes(role);
export const isCountyRole = (role: Role): role is CountyRole =>
  (countyRoles as readonly Role[]).includes(role);

/**
 * Who is calling, taken only from a verified token. Every data access takes its scope from
 * here, never from the body, query or path.
 */
export type Actor =
  | { kind: 'platform'; userId: string; username: string; name: string; role: 'platform_operator' }
  | {
      kind: 'county';
      userId: string;
      username: string;
      name: string;
      role: CountyRole;
      countyId: string;
      /** Set for role `partner` only: the partner (bank) the user works for. */
      partnerId?: string;
      /** Set for role `township_reviewer` only: the township whose villages they review. */
      townshipId?: string;
    }
  | {
      kind: 'village';
      userId: string;
      username: string;
      name: string;
      role: VillageRole;
      countyId: string;
      villageId: string;
    };
