import { useMemo } from 'react';
import { useParams } from 'react-router-dom';
import { useMe } from '../auth/session';
import type { RulesOwner } from './rules-api';

/**
 * The rules pages serve a village (`/villages/:villageId/rules`) and the county's own programs
 * (`/county/programs`, 全县统一): the route says which, the token says which county. Stable
 * between renders, so loaders keyed on it load once.
 */
export function useRulesOwner(): { owner: RulesOwner; county: boolean; base: string } {
  const countyId = useMe().countyId ?? '';
  const villageId = useParams().villageId;
  return useMemo(
    () =>
      villageId
        ? { owner: { villageId }, county: false, base: `/villages/${villageId}/rules` }
        : { owner: { countyId }, county: true, base: '/county/programs' },
    [villageId, countyId],
  );
}
