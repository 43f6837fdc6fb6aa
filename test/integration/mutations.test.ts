import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { mutationsOf } from '../support/mutations';
import { sampleBodies, tenantWorld } from '../support/tenant-world';

let w: Awaited<ReturnType<typeof tenantWorld>>['w'];
let urlInY: (path: string) => string;
beforeAll(async () => {
  ({ w, urlInY } = await tenantWorld());
}, 120_000);

/** Every route that takes a body, from the OpenAPI document, so a new one is covered unasked. */
async function writeRoutes() {
  const doc = (await w.call('GET', '/api/openapi.json')).body as {
    paths: Record<string, Record<string, unknown>>;
  };
  return Object.entries(doc.paths).flatMap(([path, ops]) =>
    Object.keys(ops)
      .filter((m) => m !== 'get')
      .map((method) => ({ method: method.toUpperCase(), path })),
  );
}

/** The caller the route serves in county Y / village C: the first of its staff not refused for role. */
async function callerFor(method: string, url: string, good: unknown) {
  const candidates = url.startsWith('/api/villages/')
    ? [w.c.adminToken, w.c.recorderToken]
    : url.startsWith('/api/counties/')
      ? [w.y.adminToken, w.operator]
      : [w.operator, undefined];
  for (const token of candidates) {
    const res = await send(method, url, token, JSON.stringify(good ?? {}));
    if (res.status !== 401 && res.status !== 403) return token;
  }
  return candidates[0];
}

/**
 * Everything in this file's table, in key order: what "nothing written" is compared against.
 * Stored Idempotency-Key answers are left out: keeping a refusal for its retry is the point of them.
 */
async function tableText() {
  const items: Record<string, unknown>[] = [];
  let ExclusiveStartKey: Record<string, unknown> | undefined;
  do {
    const out = await w.db.doc.send(new ScanCommand({ TableName: w.db.tableName, ExclusiveStartKey }));
    items.push(...(out.Items ?? []));
    ExclusiveStartKey = out.LastEvaluatedKey;
  } while (ExclusiveStartKey);
  return JSON.stringify(
    items
      .filter((i) => !String(i.PK).includes('#IDEM#'))
      .map((i) => JSON.stringify(i))
      .sort(),
  );
}

async function send(method: string, url: string, token: string | undefined, body: string) {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (token) headers.authorization = `Bearer ${token}`;
  headers['idempotency-key'] = `mut-${Math.random().toString(36).slice(2)}${Date.now()}`;
  const res = await w.app.request(url, { method, headers, body });
  const text = await res.text();
  return { status: res.status, text };
}

describe('bad input, generated from every route’s good body', () => {
  it('always gets a JSON 4xx naming the problem (or is harmlessly valid), never a 5xx, and a 4xx writes nothing', async () => {
    const routes = await writeRoutes();
    expect(routes.length).toBeGreaterThanOrEqual(40);
    let sent = 0;
    for (const { method, path } of routes) {
      const good = sampleBodies[`${method} ${path}`];
      const url = urlInY(path);
      const token = await callerFor(method, url, good);
      let before = await tableText();
      for (const mutation of mutationsOf(good)) {
        const res = await send(method, url, token, mutation.body);
        sent++;
        const what = `${method} ${path} with ${mutation.name}: ${res.status} ${res.text.slice(0, 200)}`;
        expect(res.status, what).toBeLessThan(500);
        if (res.status < 400) {
          before = await tableText();
          continue;
        }
        const answer = JSON.parse(res.text);
        expect(typeof answer.code, what).toBe('string');
        expect(typeof answer.message, what).toBe('string');
      }
      expect(await tableText(), `${method} ${path}: a refused request wrote something`).toBe(before);
    }
    expect(sent).toBeGreaterThan(500);
  }, 300_000);

  it('caps the page size on every listing: limit 0 and 101 are a 400 naming the field', async () => {
    const doc = (await w.call('GET', '/api/openapi.json')).body as {
      paths: Record<string, Record<string, { parameters?: { name: string; in: string }[] }>>;
    };
    // Partner listings are capped by the same schema; this world has no partner to ask with.
    const listings = Object.entries(doc.paths).flatMap(([path, ops]) =>
      ops.get?.parameters?.some((p) => p.in === 'query' && p.name === 'limit') &&
      !path.startsWith('/api/partner/')
        ? [path]
        : [],
    );
    expect(listings.length).toBeGreaterThanOrEqual(15);
    for (const path of listings) {
      const token = path.startsWith('/api/villages/')
        ? w.c.adminToken
        : path.startsWith('/api/counties/')
          ? w.y.adminToken
          : w.operator;
      for (const limit of [0, 101, 1e9]) {
        const url = `${urlInY(path)}${urlInY(path).includes('?') ? '&' : '?'}limit=${limit}`;
        const res = await w.call('GET', url, { token });
        expect(res.status, `GET ${path} limit=${limit}`).toBe(400);
        expect(res.body.fields, `GET ${path} limit=${limit}`).toHaveProperty('limit');
      }
    }
  });

  it('refuses a body over the limit with 413 before reading it', async () => {
    const res = await send(
      'POST',
      `/api/counties/${w.y.id}/townships`,
      w.y.adminToken,
      `{"name":"${'镇'.repeat(2_000_000)}"}`,
    );
    expect(res.status).toBe(413);
    expect(JSON.parse(res.text).code).toBe('payload_too_large');
  });
});
