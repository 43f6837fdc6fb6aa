import { type Deps, router } from '@xjf/http';
import { countyAuditRoutes } from '../audit/audit.routes';
import { systemRoutes } from '../me.routes';
import { partnersRoutes } from '../partners/partners.routes';
import { townshipReviewRoutes } from '../points/township-review.routes';
import { programsRoutes } from '../rules/programs.routes';
import { ruleSetsRoutes } from '../rules/rule-sets.routes';
import { templatesRoutes } from '../rules/templates.routes';
import { countiesRoutes } from '../tenants/counties.routes';
import { invitesRoutes } from '../tenants/invites.routes';
import { villagesRoutes } from '../tenants/villages.routes';
import { usersRoutes } from '../users/users.routes';

/** Running the tenancy: counties, townships, villages, users, partners, and each village's rules. */
export const adminSurface = (deps: Deps) =>
  router()
    .route('/', systemRoutes(deps))
    .route('/', countiesRoutes(deps))
    .route('/', invitesRoutes(deps))
    .route('/', villagesRoutes(deps))
    .route('/', usersRoutes(deps))
    .route('/', countyAuditRoutes(deps))
    .route('/', townshipReviewRoutes(deps))
    .route('/', templatesRoutes(deps))
    .route('/', programsRoutes(deps))
    .route('/', ruleSetsRoutes(deps))
    .route('/', partnersRoutes(deps));
