import { type Actor, ForbiddenError, type Role, UnauthenticatedError } from '@xjf/domain';
import type { Context } from 'hono';
import { createMiddleware } from 'hono/factory';
import type { TokenVerifier } from './claims';
import type { AppEnv } from './env';

/**
 * The only source of tenant scope: a verified bearer token becomes `c.var.actor`. A request
 * without a token goes on anonymous (public routes); a bad token is refused outright.
 */
export const authenticate = (verifier: TokenVerifier) =>
  createMiddleware<AppEnv>(async (c, next) => {
    const header = c.req.header('authorization');
    if (header === undefined) {
      c.set('actor', undefined);
      return next();
    }
    const match = /^Bearer ([A-Za-z0-9._~+/=-]+)$/.exec(header);
    if (!match?.[1])
      throw new UnauthenticatedError('Authorization 头格式应为 Bearer <token>', 'invalid_token');
    c.set('actor', await verifier.verify(match[1]));
    return next();
  });

/** Each route declares who may call it; everyone else gets 401 (no token) or 403 (wrong role). */
export const allow = (...roles: Role[]) =>
  Object.assign(
    createMiddleware<AppEnv>(async (c, next) => {
      const actor = c.get('actor');
      if (!actor) throw new UnauthenticatedError();
      if (!roles.includes(actor.role)) throw new ForbiddenError();
      return next();
    }),
    { roles },
  );

/** The roles a route's `allow(...)` admits, as the OpenAPI document's `x-roles` (see router()). */
export function allowedRoles(middleware: unknown): Role[] | undefined {
  const list = Array.isArray(middleware) ? middleware : [middleware];
  return list.find((m): m is { roles: Role[] } => Array.isArray((m as { roles?: unknown })?.roles))?.roles;
}

/** The actor of a route guarded by `allow`. */
export function actorOf(c: Context<AppEnv>): Actor {
  const actor = c.get('actor');
  if (!actor) throw new UnauthenticatedError();
  return actor;
}
