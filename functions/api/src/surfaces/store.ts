import { type Deps, router } from '@xjf/http';
import { storeItemsRoutes } from '../store/items.routes';
import { redemptionsRoutes } from '../store/redemptions.routes';

/** The points store (积分超市): catalog, stock and the counter. */
export const storeSurface = (deps: Deps) =>
  router().route('/', storeItemsRoutes(deps)).route('/', redemptionsRoutes(deps));
