import createClient, { type Client } from 'openapi-fetch';
import type { components, paths } from './api-types';

export type Schemas = components['schemas'];
export type Role = Schemas['Me']['role'];
export type ApiErrorBody = Schemas['Error'];

/** A failed call: the API's `{code, message, fields, details}`, or `code: 'network'` when no answer came. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields: Record<string, string> = {},
    readonly requestId?: string,
    readonly details: Record<string, unknown> = {},
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

/**
 * Called once at start-up, when `/config.json` has said where the API is. `fetch` adds the
 * session (lib/auth.ts). Cookies go along: in AWS the API is another host of the same site, and
 * the refresh cookie must reach it.
 */
export function configureApi(options: { baseUrl: string; fetch: (request: Request) => Promise<Response> }) {
  client = createClient<paths>({ baseUrl: options.baseUrl, credentials: 'include', fetch: options.fetch });
}

export function api(): Client<paths> {
  if (!client) throw new Error('configureApi() must run before the API is used');
  return client;
}

type Outcome<T> = { data?: T; error?: unknown; response: Response };

/** The answer of a call that succeeded (2xx), or an ApiError thrown for one that did not. */
async function settle<T>(request: Promise<Outcome<T>>): Promise<Outcome<T>> {
  let outcome: Outcome<T>;
  try {
    outcome = await request;
  } catch (error) {
    throw new ApiError(0, 'network', String(error));
  }
  const { error, response } = outcome;
  if (response.ok) return outcome;
  if (isErrorBody(error)) {
    throw new ApiError(
      response.status,
      error.code,
      error.message,
      error.fields,
      error.requestId,
      error.details,
    );
  }
  throw new ApiError(response.status, 'unexpected', `HTTP ${response.status}`);
}

/** Awaits an openapi-fetch call and returns its body, or throws an ApiError. */
export async function call<T>(request: Promise<Outcome<T>>): Promise<T> {
  const { data, response } = await settle(request);
  if (data !== undefined) return data;
  throw new ApiError(response.status, 'unexpected', `HTTP ${response.status}`);
}

/** Awaits a call answered without a body (204), or throws an ApiError. */
export async function callEmpty(request: Promise<Outcome<unknown>>): Promise<void> {
  await settle(request);
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
