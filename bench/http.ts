import { randomUUID } from 'node:crypto';

type Fetcher = { request: (path: string, init?: RequestInit) => Response | Promise<Response> };

/**
 * Calls the app in-process, as the Lambda adapter does: every POST with a fresh
 * Idempotency-Key. Anything but a 2xx is an error, so a bench never times failures.
 */
export function caller(app: Fetcher) {
  return async function call(method: string, path: string, token?: string, body?: unknown) {
    const headers: Record<string, string> = {};
    if (token) headers.authorization = `Bearer ${token}`;
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (method === 'POST') headers['idempotency-key'] = randomUUID();
    const res = await app.request(path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    if (res.status >= 300) throw new Error(`${method} ${path} → ${res.status}: ${text.slice(0, 300)}`);
    // biome-ignore lint/suspicious/noExplicitAny: the bench reads answers loosely
    return (text ? JSON.parse(text) : undefined) as any;
  };
}

export type Call = ReturnType<typeof caller>;
