import type { Owner } from '@xjf/data';
import type { Actor, Role } from '@xjf/domain';
import { countyScopeOf, type Deps, villageScopeOf } from '@xjf/http';
import type * as z from 'zod';
import { villageReaders } from '../roles';
import { countyParams } from '../tenants/counties.routes';
import { villageParams } from '../tenants/villages.routes';

/**
 * Programs and rule sets have the same routes under a village and under its county (a
 * county-wide program, 全县统一). A side says where the routes live, who reads and who changes,
 * and turns the verified token and path into the owner's scope: never anything from input.
 */
export type OwnerSide = {
  kind: 'village' | 'county';
  base: '/villages/{villageId}' | '/counties/{countyId}';
  params: z.ZodObject<z.ZodRawShape>;
  readers: readonly Role[];
  admin: 'village_admin' | 'county_admin';
  /** Words for the OpenAPI summaries. */
  zh: string;
  en: string;
  ownerOf: (actor: Actor, params: Record<string, unknown>) => Promise<Owner>;
};

export const villageSide = (deps: Deps): OwnerSide => ({
  kind: 'village',
  base: '/villages/{villageId}',
  params: villageParams,
  readers: villageReaders,
  admin: 'village_admin',
  zh: '本村',
  en: 'village',
  ownerOf: (actor, params) => villageScopeOf(deps.db, actor, String(params.villageId)),
});

/** County staff read the county's programs; village staff read them through the village routes. */
export const countySide = (): OwnerSide => ({
  kind: 'county',
  base: '/counties/{countyId}',
  params: countyParams,
  readers: ['county_admin', 'county_official'],
  admin: 'county_admin',
  zh: '全县统一',
  en: 'county-wide',
  ownerOf: async (actor, params) => countyScopeOf(actor, String(params.countyId)),
});
