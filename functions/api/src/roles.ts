import type { Role } from '@xjf/domain';

/** Everyone who works in or oversees a village may read its rules and roster; its admin changes them. */
export const villageReaders = [
  'village_admin',
  'recorder',
  'store_clerk',
  'county_admin',
  'county_official',
] as const satisfies readonly Role[];

/** Who decides on a village's point records: its admin, and its township's reviewers when it asks them. */
export const recordDeciders = ['village_admin', 'township_reviewer'] as const satisfies readonly Role[];

/** Who may read a village's point records: its readers, and the township reviewers who decide on them. */
export const recordReaders = [...villageReaders, 'township_reviewer'] as const satisfies readonly Role[];

/** Those who may read one household's page: the village's readers, and a villager for their own. */
export const householdReaders = [...villageReaders, 'villager'] as const satisfies readonly Role[];
