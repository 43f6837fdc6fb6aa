import { swaggerUI } from '@hono/swagger-ui';
import { createBaseApp, type Deps, router } from '@xjf/http';
import { auditRoutes } from './audit/audit.routes';
import { certificatesRoutes } from './certificates/certificates.routes';
import { certificateVerifyRoutes } from './certificates/verify.routes';
import { householdsRoutes } from './households/households.routes';
import { systemRoutes } from './me.routes';
import { onboardingRoutes } from './onboarding/onboarding.routes';
import { consentsRoutes } from './partners/consents.routes';
import { partnerRoutes } from './partners/partner.routes';
import { partnersRoutes } from './partners/partners.routes';
import { uploadsRoutes } from './photos/uploads.routes';
import { boardRoutes } from './points/board.routes';
import { recordImportsRoutes } from './points/imports.routes';
import { recordsRoutes } from './points/records.routes';
import { countyReportsRoutes } from './reports/county-reports.routes';
import { villageSummaryRoutes } from './reports/village-summary.routes';
import { programsRoutes } from './rules/programs.routes';
import { ruleSetsRoutes } from './rules/rule-sets.routes';
import { templatesRoutes } from './rules/templates.routes';
import { storeItemsRoutes } from './store/items.routes';
import { redemptionsRoutes } from './store/redemptions.routes';
import { countiesRoutes } from './tenants/counties.routes';
import { invitesRoutes } from './tenants/invites.routes';
import { villagesRoutes } from './tenants/villages.routes';
import { usersRoutes } from './users/users.routes';

export const OPENAPI_INFO = {
  title: '小积分 Xiaojifen API',
  version: '0.1.0',
  description: '乡村治理积分制：县、乡镇、村、用户与自助开通 (village governance points)',
};

/** Every feature's routes under /api. `extra` lets the local runtime add its dev-only sign-in. */
export function createApp(deps: Deps, extra?: ReturnType<typeof router>) {
  const api = router()
    .route('/', systemRoutes(deps))
    .route('/', countiesRoutes(deps))
    .route('/', invitesRoutes(deps))
    .route('/', villagesRoutes(deps))
    .route('/', usersRoutes(deps))
    .route('/', onboardingRoutes(deps))
    .route('/', templatesRoutes(deps))
    .route('/', programsRoutes(deps))
    .route('/', ruleSetsRoutes(deps))
    .route('/', householdsRoutes(deps))
    .route('/', recordsRoutes(deps))
    .route('/', recordImportsRoutes(deps))
    .route('/', boardRoutes(deps))
    .route('/', auditRoutes(deps))
    .route('/', storeItemsRoutes(deps))
    .route('/', redemptionsRoutes(deps))
    .route('/', countyReportsRoutes(deps))
    .route('/', villageSummaryRoutes(deps))
    .route('/', partnersRoutes(deps))
    .route('/', consentsRoutes(deps))
    .route('/', partnerRoutes(deps))
    .route('/', certificatesRoutes(deps))
    .route('/', certificateVerifyRoutes(deps))
    .route('/', uploadsRoutes(deps));
  if (extra) api.route('/', extra);
  const app = createBaseApp(deps);
  app.route('/api', api);
  app.doc31('/api/openapi.json', { openapi: '3.1.0', info: OPENAPI_INFO });
  app.get('/api/docs', swaggerUI({ url: '/api/openapi.json' }));
  return app;
}

export type App = ReturnType<typeof createApp>;
