import { createBaseApp, type Deps, type router } from '@xjf/http';
import { wellKnownRoutes } from '../auth/well-known.routes';

/**
 * One surface's routes under /api with the shared plumbing: what each Lambda function serves.
 * The issuer's discovery document and keys sit at the root, where OIDC puts them; any function
 * can answer them (API Gateway sends them to the auth surface's).
 */
export function surfaceApp(deps: Deps, routes: (deps: Deps) => ReturnType<typeof router>) {
  const app = createBaseApp(deps);
  app.route('/api', routes(deps));
  app.route('/', wellKnownRoutes(deps));
  return app;
}
