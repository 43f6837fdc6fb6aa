import { bodyLimit } from 'hono/body-limit';
import { createMiddleware } from 'hono/factory';
import { HTTPException } from 'hono/http-exception';
import { requestId } from 'hono/request-id';
import { authenticate } from './auth';
import type { AppEnv, Deps } from './env';
import { errorHandler, notFoundHandler } from './errors';
import { router } from './openapi';

export const MAX_BODY_BYTES = 1024 * 1024;

const requestLog = (deps: Deps) =>
  createMiddleware<AppEnv>(async (c, next) => {
    const started = performance.now();
    await next();
    const actor = c.get('actor');
    deps.log({
      level: c.res.status >= 500 ? 'error' : 'info',
      msg: 'request',
      requestId: c.get('requestId'),
      method: c.req.method,
      path: c.req.path,
      status: c.res.status,
      ms: Math.round(performance.now() - started),
      userId: actor?.userId,
      role: actor?.role,
      countyId: actor && actor.kind !== 'platform' ? actor.countyId : undefined,
      villageId: actor?.kind === 'village' ? actor.villageId : undefined,
    });
  });

/** The plumbing every surface shares: request id, JSON logs, body cap, authentication, errors. */
export function createBaseApp(deps: Deps) {
  const app = router();
  app.use(requestId({ headerName: 'x-request-id' }));
  app.use(requestLog(deps));
  app.use(
    bodyLimit({
      maxSize: MAX_BODY_BYTES,
      onError: () => {
        throw new HTTPException(413, { message: 'body too large' });
      },
    }),
  );
  app.use(authenticate(deps.verifier));
  app.onError(errorHandler(deps.log));
  app.notFound(notFoundHandler);
  app.openAPIRegistry.registerComponent('securitySchemes', 'bearer', {
    type: 'http',
    scheme: 'bearer',
    bearerFormat: 'JWT',
  });
  return app;
}
