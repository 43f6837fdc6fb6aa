import { AppError, type FieldErrors, ValidationError } from '@xjf/domain';
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import * as z from 'zod';
import type { AppEnv, Log } from './env';

export const errorSchema = z
  .object({
    code: z.string().meta({ example: 'validation_failed' }),
    message: z.string(),
    fields: z.record(z.string(), z.string()).optional(),
    details: z.record(z.string(), z.unknown()).optional(),
    requestId: z.string().optional(),
  })
  .meta({ id: 'Error' });

/** zod issues → `{ "village.name": "不能为空" }`, the field at fault and why. */
export function fieldsOf(error: z.ZodError): FieldErrors {
  const fields: FieldErrors = {};
  for (const issue of error.issues) {
    const at = issue.path.map(String);
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) fields[[...at, key].join('.')] ??= '不允许的字段 (unknown field)';
      continue;
    }
    fields[at.join('.') || '(body)'] ??= issue.message;
  }
  return fields;
}

export const validationFailed = (error: z.ZodError, target: string) =>
  new ValidationError(`请求${target === 'json' ? '内容' : '参数'}有误 (invalid ${target})`, fieldsOf(error));

function respond(c: Context<AppEnv>, status: ContentfulStatusCode, body: z.infer<typeof errorSchema>) {
  return c.json({ ...body, requestId: c.get('requestId') }, status);
}

/**
 * DynamoDB said "not now" (throttled, busy, timed out) and the SDK's bounded retries ran out.
 * Not a bug: the caller is told to retry with the same Idempotency-Key, which either runs the
 * request afresh or, if its effect did commit, replays the answer (see idempotencySeal).
 */
const TRANSIENT = new Set([
  'ThrottlingException',
  'ProvisionedThroughputExceededException',
  'RequestLimitExceeded',
  'InternalServerError',
  'ServiceUnavailable',
  'TimeoutError',
  'RequestTimeout',
  'TransactionInProgressException',
]);
const isTransient = (error: Error) =>
  TRANSIENT.has(error.name) ||
  (error.name === 'TransactionCanceledException' &&
    (error as { CancellationReasons?: { Code?: string }[] }).CancellationReasons?.some(
      (r) => r.Code === 'TransactionConflict' || r.Code === 'ThrottlingError',
    ) === true);

export const errorHandler = (log: Log) => (error: Error, c: Context<AppEnv>) => {
  if (error instanceof AppError) {
    const retryAfter = error.details?.retryAfterSeconds;
    if (typeof retryAfter === 'number') c.header('Retry-After', String(retryAfter));
    return respond(c, error.status, {
      code: error.code,
      message: error.message,
      fields: error.fields,
      details: error.details,
    });
  }
  if (error instanceof HTTPException && error.status < 500) {
    const code = error.status === 413 ? 'payload_too_large' : 'malformed_request';
    const message =
      error.status === 413
        ? '请求内容过大 (request body too large)'
        : `请求格式有误 (malformed request): ${error.message}`;
    return respond(c, error.status, { code, message });
  }
  if (isTransient(error)) {
    log({ level: 'warn', msg: 'storage busy', requestId: c.get('requestId'), error: error.name });
    c.header('Retry-After', '1');
    return respond(c, 503, {
      code: 'try_again',
      message: '系统繁忙，请稍后用同一 Idempotency-Key 重试 (busy: retry with the same Idempotency-Key)',
    });
  }
  log({
    level: 'error',
    msg: 'unhandled error',
    requestId: c.get('requestId'),
    error: error.stack ?? String(error),
  });
  return respond(c, 500, { code: 'internal', message: '服务器内部错误 (internal error)' });
};

export const notFoundHandler = (c: Context<AppEnv>) =>
  respond(c, 404, {
    code: 'route_not_found',
    message: `没有这个接口 (no route ${c.req.method} ${c.req.path})`,
  });
