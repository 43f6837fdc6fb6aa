import type { Role } from '@xjf/domain';

/** Everyone who works in or oversees a village may read its rules and roster; its admin changes them. */
export const villageReaders = [
  'village_admin',
  'recorder',
  'store_clerk',
  'county_admin',
  'county_official',
] as const satisfies readonly Role[];

/** Those who may read one household's page: the village's readers, and a villager for their own. */
export const householdReaders = [...villageReaders, 'villager'] as const satisfies readonly Role[];
