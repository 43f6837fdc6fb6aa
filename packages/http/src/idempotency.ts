import { createHash } from 'node:crypto';
import {
  claimIdempotencyKey,
  completeIdempotencyKey,
  type IdempotencySeal,
  idempotencySeal,
  releaseIdempotencyKey,
  requestInProgress,
} from '@xjf/data';
import { ConflictError, ValidationError } from '@xjf/domain';
import type { Context } from 'hono';
import { createMiddleware } from 'hono/factory';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { AppEnv, Deps } from './env';
import { tenantPrefixOf } from './scope';

const KEY_PATTERN = /^[A-Za-z0-9_.:-]{8,128}$/;

/** Answers may carry secrets meant for one pair of eyes; a stored replay never keeps them. */
const SECRET_FIELDS = new Set(['temporaryPassword']);

function withoutSecrets(body: string): string {
  try {
    return JSON.stringify(JSON.parse(body), (key, value) => (SECRET_FIELDS.has(key) ? undefined : value));
  } catch {
    return body;
  }
}

/**
 * Every write that creates an effect takes an `Idempotency-Key`. The first request with a key
 * runs; a retry with the same key and body gets the first answer back unchanged; the same key
 * with another body is a 409. Keys are scoped to the caller, so tenants never share them.
 */
export const idempotent = (deps: Pick<Deps, 'db' | 'clock'>) =>
  createMiddleware<AppEnv>(async (c, next) => {
    const key = c.req.header('idempotency-key');
    if (!key) {
      throw new ValidationError(
        '缺少 Idempotency-Key 请求头 (Idempotency-Key header required)',
        { 'Idempotency-Key': 'required' },
        'idempotency_key_required',
      );
    }
    if (!KEY_PATTERN.test(key)) {
      throw new ValidationError(
        'Idempotency-Key 应为 8–128 位字母、数字或 _ . : -',
        { 'Idempotency-Key': 'invalid' },
        'idempotency_key_invalid',
      );
    }
    const scope = tenantPrefixOf(c.get('actor'));
    const body = await c.req.text();
    const fingerprint = createHash('sha256')
      .update(`${c.req.method} ${c.req.path}\n${body}`)
      .digest('base64url');
    const claim = await claimIdempotencyKey(deps.db, scope, key, fingerprint, deps.clock());
    if (claim.outcome === 'mismatch') {
      throw new ConflictError(
        'idempotency_key_reused',
        '该 Idempotency-Key 已用于另一个请求 (key already used for a different request)',
      );
    }
    if (claim.outcome === 'in_progress') throw requestInProgress();
    if (claim.outcome === 'replay') {
      const { status, body: stored, contentType } = claim.response;
      return c.body(stored, status as ContentfulStatusCode, {
        'content-type': contentType,
        'idempotent-replayed': 'true',
      });
    }
    const seal = idempotencySeal(deps.db, scope, key, fingerprint);
    // The last answer the handler sealed into its transaction (see sealOf).
    let sealed: { status: number; body: string } | undefined;
    c.set('idempotencySeal', (answer) => {
      sealed = { status: answer.status, body: JSON.stringify(answer.body) };
      return seal(answer);
    });
    await next();
    if (c.res.status >= 500) {
      await releaseIdempotencyKey(deps.db, scope, key);
      return;
    }
    const answer = await c.res.clone().text();
    // Already stored by the effect's own transaction: writing the same answer again is a wasted round trip.
    if (c.res.status < 300 && sealed?.status === c.res.status && sealed.body === answer) return;
    await completeIdempotencyKey(deps.db, scope, key, {
      status: c.res.status,
      body: withoutSecrets(answer),
      contentType: c.res.headers.get('content-type') ?? 'application/json',
    });
  });

/**
 * The seal for a handler whose effect completes the key in its own transaction (see
 * idempotencySeal). A handler that answers 2xx with exactly the last answer it sealed must have
 * committed that transaction: the middleware then skips storing the answer a second time.
 */
export function sealOf(c: Context<AppEnv>): IdempotencySeal {
  const seal = c.get('idempotencySeal');
  if (!seal) throw new Error('sealOf needs the idempotent() middleware on the route');
  return seal;
}
