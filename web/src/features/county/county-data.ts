import { useCallback } from 'react';
import { allPages, api, call, type Schemas } from '../../lib/api';
import { todayInChina } from '../../lib/format';
import { useLoad } from '../../lib/use-load';

export type Township = Schemas['Township'];
export type Village = Schemas['Village'];

/** A county's townships and all its villages, every page: a county has at most a few hundred. */
export function useCountyTree(countyId: string) {
  return useLoad(
    useCallback(async () => {
      const path = { countyId };
      const [townships, villages] = await Promise.all([
        allPages((cursor) =>
          call(api().GET('/api/counties/{countyId}/townships', { params: { path, query: { cursor } } })),
        ),
        allPages((cursor) =>
          call(api().GET('/api/counties/{countyId}/villages', { params: { path, query: { cursor } } })),
        ),
      ]);
      // Ids are random; officials look for names, in the order a Chinese list would put them.
      const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name, 'zh-CN');
      return {
        townships: townships.sort((a, b) => a.createdAt.localeCompare(b.createdAt) || byName(a, b)),
        villages: villages.sort(byName),
      };
    }, [countyId]),
  );
}

export type TownshipSummary = Township & {
  villages: Village[];
  households: number;
  population: number;
};

const sum = (villages: Village[], pick: (v: Village) => number | undefined) =>
  villages.reduce((total, v) => total + (pick(v) ?? 0), 0);

export function summarize(townships: Township[], villages: Village[]): TownshipSummary[] {
  return townships.map((township) => {
    const own = villages.filter((v) => v.townshipId === township.id);
    return {
      ...township,
      villages: own,
      households: sum(own, (v) => v.householdCount),
      population: sum(own, (v) => v.population),
    };
  });
}

export const totals = (villages: Village[]) => ({
  households: sum(villages, (v) => v.householdCount),
  population: sum(villages, (v) => v.population),
});

/**
 * Households on each village's roster (在册户数), as the dashboard counts them: the county report
 * for this month. The county's village list only has the declared count (申报户数).
 */
export function useRosterCounts(countyId: string) {
  return useLoad(
    useCallback(async () => {
      const month = todayInChina().slice(0, 7);
      const report = await call(
        api().GET('/api/counties/{countyId}/reports/villages', {
          params: { path: { countyId }, query: { from: month, to: month } },
        }),
      );
      const villages = (report as Schemas['CountyVillagesReport']).villages;
      return new Map(villages.map((v) => [v.villageId, v.households]));
    }, [countyId]),
  );
}
