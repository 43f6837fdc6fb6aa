import { swaggerUI } from '@hono/swagger-ui';
import { createBaseApp, type Deps, router } from '@xjf/http';
import { wellKnownRoutes } from './auth/well-known.routes';
import { adminSurface } from './surfaces/admin';
import { authSurface } from './surfaces/auth';
import { partnerSurface } from './surfaces/partner';
import { pointsSurface } from './surfaces/points';
import { publicSurface } from './surfaces/public';
import { reportsSurface } from './surfaces/reports';
import { storeSurface } from './surfaces/store';

export const OPENAPI_INFO = {
  title: '小积分 Xiaojifen API',
  version: '0.1.0',
  description: '乡村治理积分制：县、乡镇、村、用户与自助开通 (village governance points)',
};

/** Each surface's routes, as its own function serves them in AWS (surfaces/routing.ts). */
export const surfaceRouters = {
  admin: adminSurface,
  public: publicSurface,
  auth: authSurface,
  partner: partnerSurface,
  points: pointsSurface,
  store: storeSurface,
  reports: reportsSurface,
} as const;

/**
 * Every surface under /api in one app, with the OpenAPI document and its viewer: the local
 * runtime and the tests. `extra` lets the local runtime add its dev-only sign-in.
 */
export function createApp(deps: Deps, extra?: ReturnType<typeof router>) {
  const api = router();
  for (const routes of Object.values(surfaceRouters)) api.route('/', routes(deps));
  if (extra) api.route('/', extra);
  const app = createBaseApp(deps);
  app.route('/api', api);
  app.route('/', wellKnownRoutes(deps));
  app.doc31('/api/openapi.json', { openapi: '3.1.0', info: OPENAPI_INFO });
  app.get('/api/docs', swaggerUI({ url: '/api/openapi.json' }));
  return app;
}

export type App = ReturnType<typeof createApp>;

/** For the local runtime's demo sign-in, which ends a sign-in exactly as the real steps do. */
export { finish } from './auth/sign-in';
export { stepAnswer } from './auth/sign-in.routes';
