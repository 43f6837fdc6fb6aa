import { type Deps, router } from '@xjf/http';
import { countyReportsRoutes } from '../reports/county-reports.routes';
import { villageSummaryRoutes } from '../reports/village-summary.routes';

/** Figures from the aggregates: the county dashboard with its exports, and a village's summary. */
export const reportsSurface = (deps: Deps) =>
  router().route('/', countyReportsRoutes(deps)).route('/', villageSummaryRoutes(deps));
