import { useVillageSummary } from './dashboard-api';
import { RankCard } from './RankCard';

/** The rank card on a village's home page; quietly absent until (or unless) the summary loads. */
export function VillageRank({ villageId }: { villageId: string }) {
  const summary = useVillageSummary(villageId);
  return summary.data ? <RankCard summary={summary.data} /> : null;
}
