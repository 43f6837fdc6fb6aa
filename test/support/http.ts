import { randomUUID } from 'node:crypto';

type Fetcher = { request: (path: string, init?: RequestInit) => Response | Promise<Response> };

export interface Call {
  token?: string;
  body?: unknown;
  /** Sends this Idempotency-Key; POSTs get a fresh one unless `idempotencyKey: null`. */
  idempotencyKey?: string | null;
  headers?: Record<string, string>;
}

export interface Answer {
  status: number;
  // biome-ignore lint/suspicious/noExplicitAny: tests read answers loosely and assert on them
  body: any;
  headers: Headers;
}

/** A thin caller over `app.request`: the same Hono app a Lambda runs, without a socket. */
export function client(app: Fetcher) {
  return async function call(method: string, path: string, options: Call = {}): Promise<Answer> {
    const headers: Record<string, string> = { ...options.headers };
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    if (options.body !== undefined) headers['content-type'] = 'application/json';
    const key =
      options.idempotencyKey === undefined && method === 'POST' ? randomUUID() : options.idempotencyKey;
    if (key) headers['idempotency-key'] = key;
    const res = await app.request(path, {
      method,
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
    });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : undefined, headers: res.headers };
  };
}
