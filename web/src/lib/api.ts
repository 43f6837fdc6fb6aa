import createClient, { type Client } from 'openapi-fetch';
import type { components, paths } from './api-types';

export type Schemas = components['schemas'];
export type Role = Schemas['Me']['role'];
export type ApiErrorBody = Schemas['Error'];

/** A failed call: the API's `{code, message, fields}`, or `code: 'network'` when no answer came. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields: Record<string, string> = {},
    readonly requestId?: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

function isErrorBody(v: unknown): v is ApiErrorBody {
  return isRecord(v) && typeof v.code === 'string' && typeof v.message === 'string';
}

let client: Client<paths> | undefined;

// Public routes get no token: a stale one would turn a valid onboarding or board visit into a 401.
const PUBLIC_PATHS = /\/api\/(onboarding|public)\//;

/** Called once at start-up, when `/config.json` has said where the API is. */
export function configureApi(options: {
  baseUrl: string;
  token: () => string | undefined;
  onUnauthorized: () => void;
}) {
  client = createClient<paths>({ baseUrl: options.baseUrl });
  client.use({
    onRequest({ request }) {
      const token = options.token();
      if (token && !PUBLIC_PATHS.test(new URL(request.url).pathname))
        request.headers.set('Authorization', `Bearer ${token}`);
      return request;
    },
    onResponse({ request, response }) {
      // Also when no token was sent: it expired here first, and the user must sign in again.
      if (response.status === 401 && !PUBLIC_PATHS.test(new URL(request.url).pathname)) {
        options.onUnauthorized();
      }
      return response;
    },
  });
}

export function api(): Client<paths> {
  if (!client) throw new Error('configureApi() must run before the API is used');
  return client;
}

type Outcome<T> = { data?: T; error?: unknown; response: Response };

/** Awaits an openapi-fetch call and returns its body, or throws an ApiError. */
export async function call<T>(request: Promise<Outcome<T>>): Promise<T> {
  let outcome: Outcome<T>;
  try {
    outcome = await request;
  } catch (error) {
    throw new ApiError(0, 'network', String(error));
  }
  const { data, error, response } = outcome;
  if (response.ok && data !== undefined) return data;
  if (isErrorBody(error)) {
    throw new ApiError(response.status, error.code, error.message, error.fields, error.requestId);
  }
  throw new ApiError(response.status, 'unexpected', `HTTP ${response.status}`);
}

type Page<T> = { items: T[]; nextCursor?: string };

/** Follows `nextCursor` to the end: for lists a county keeps small (townships, villages, users). */
export async function allPages<T>(page: (cursor: string | undefined) => Promise<Page<T>>): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | undefined;
  do {
    const next = await page(cursor);
    items.push(...next.items);
    cursor = next.nextCursor;
  } while (cursor);
  return items;
}

/** A fresh Idempotency-Key. `randomUUID` exists only in secure contexts, so fall back on plain HTTP. */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join(
    '',
  );
}
