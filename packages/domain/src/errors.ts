/**
 * The product's small error vocabulary. Each error carries a stable machine-readable `code`
 * and the HTTP status it maps to, so one `onError` can answer every failure the same way.
 */
export type FieldErrors = Record<string, string>;

export class AppError extends Error {
  constructor(
    readonly status: 400 | 401 | 403 | 404 | 409 | 410 | 413 | 422 | 423 | 429 | 503,
    readonly code: string,
    message: string,
    readonly fields?: FieldErrors,
    /** Machine-readable facts the caller needs to recover (e.g. the new price of an item). */
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class ValidationError extends AppError {
  constructor(message: string, fields?: FieldErrors, code = 'validation_failed') {
    super(400, code, message, fields);
  }
}

export class UnauthenticatedError extends AppError {
  constructor(message = '请先登录 (sign-in required)', code = 'unauthenticated') {
    super(401, code, message);
  }
}

export class ForbiddenError extends AppError {
  constructor(message = '没有权限执行此操作 (not allowed for your role)', code = 'forbidden') {
    super(403, code, message);
  }
}

export class NotFoundError extends AppError {
  constructor(what: string, code = 'not_found') {
    super(404, code, `${what} 不存在 (not found)`);
  }
}

export class ConflictError extends AppError {
  constructor(code: string, message: string, fields?: FieldErrors, details?: Record<string, unknown>) {
    super(409, code, message, fields, details);
  }
}

/** The field message for a name or username that must be unique and is not. */
export const TAKEN = '已被使用，请换一个 (already taken; choose another)';

export class GoneError extends AppError {
  constructor(code: string, message: string, fields?: FieldErrors) {
    super(410, code, message, fields);
  }
}

/** Too many tries: wait `retryAfterSeconds` (sent as Retry-After too). */
export class TooManyRequestsError extends AppError {
  constructor(code: string, message: string, retryAfterSeconds: number) {
    super(429, code, message, undefined, { retryAfterSeconds });
  }
}

/** Sign-in is locked after repeated failures, for `retryAfterSeconds` more. */
export class LockedError extends AppError {
  constructor(retryAfterSeconds: number) {
    const minutes = Math.ceil(retryAfterSeconds / 60);
    super(
      423,
      'account_locked',
      `连续输错次数过多，请 ${minutes} 分钟后再试 (too many failed attempts: try again in ${minutes} min)`,
      undefined,
      { retryAfterSeconds },
    );
  }
}

/** A service we depend on outside AWS (the SMS provider) did not take the request: retry later. */
export class UnavailableError extends AppError {
  constructor(code: string, message: string) {
    super(503, code, message, undefined, { retryAfterSeconds: 30 });
  }
}
