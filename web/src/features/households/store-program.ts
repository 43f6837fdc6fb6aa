import { useCallback } from 'react';
import { useLoad } from '../../lib/use-load';
import { getSettings } from '../store/store-api';
import type { LedgerEntry } from './households-api';

/**
 * The program the village's points store spends (its settings' programId), so a balance card can
 * say "the store spends these" and match the counter. Villagers may not read the store settings
 * (the route is for village staff); for them the household's own latest redemption shows which
 * program the store took points from, and with none we say nothing rather than guess.
 */
export function useStoreProgramId(villageId: string, entries: readonly LedgerEntry[]): string | undefined {
  const settings = useLoad(
    useCallback(() => getSettings(villageId).then((s) => s.programId ?? null), [villageId]),
  );
  if (settings.data !== undefined) return settings.data ?? undefined;
  if (settings.loading) return undefined;
  return entries.find((e) => e.kind === 'redeem')?.programId;
}
