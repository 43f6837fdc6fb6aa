import { createBaseApp, type Deps, type router } from '@xjf/http';

/** One surface's routes under /api with the shared plumbing: what each Lambda function serves. */
export function surfaceApp(deps: Deps, routes: (deps: Deps) => ReturnType<typeof router>) {
  const app = createBaseApp(deps);
  app.route('/api', routes(deps));
  return app;
}
