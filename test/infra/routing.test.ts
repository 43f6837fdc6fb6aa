import { readFileSync } from 'node:fs';
import { createApp, OPENAPI_INFO, surfaceRouters } from '@xjf/api';
import { publicRoutes } from '@xjf/api/public-routes';
import { type Surface, surfaceOf, surfaceRoutes, surfaceServices, surfaces } from '@xjf/api/routing';
import { createDb, tableSigningSeed } from '@xjf/data';
import type { Deps } from '@xjf/http';
import { describe, expect, it } from 'vitest';
import { SYNTH_TIMEOUT, synthApp } from './synth';

/** Deps that are never called: the routes are only listed. */
const db = createDb({ tableName: 'unused', region: 'local', endpoint: 'http://127.0.0.1:9' });
const deps: Deps = {
  db,
  verifier: { verify: () => Promise.reject(new Error('unused')) },
  identity: {} as Deps['identity'],
  clock: () => new Date(),
  log: () => {},
  signingSeed: tableSigningSeed(db),
  photos: {} as Deps['photos'],
};

type Operation = { method: string; path: string };
const documented: Operation[] = Object.entries(
  createApp(deps).getOpenAPI31Document({ openapi: '3.1.0', info: OPENAPI_INFO }).paths ?? {},
).flatMap(([path, item]) =>
  Object.keys(item ?? {})
    .filter((m) => ['get', 'post', 'put', 'patch', 'delete'].includes(m))
    .map((method) => ({ method: method.toUpperCase(), path })),
);
const served = (surface: Surface): Operation[] =>
  Object.entries(
    surfaceRouters[surface](deps).getOpenAPI31Document({ openapi: '3.1.0', info: OPENAPI_INFO }).paths ?? {},
  ).flatMap(([path, item]) =>
    Object.keys(item ?? {}).map((method) => ({ method: method.toUpperCase(), path: `/api${path}` })),
  );
const key = (o: Operation) => `${o.method} ${o.path}`;

describe('routing requests to the per-surface functions', () => {
  it('sends every documented operation to the one function that serves it', () => {
    const byKey = new Map(surfaces.flatMap((s) => served(s).map((o) => [key(o), s] as const)));
    const real = documented.filter((o) => !o.path.startsWith('/api/dev/'));
    expect(real.length).toBeGreaterThan(80);
    // The issuer's discovery document and keys sit at the root, where OIDC puts them: every
    // surface's app answers them (surfaces/app.ts) and API Gateway sends them to the auth function.
    const atRoot = real.filter((o) => !o.path.startsWith('/api/'));
    expect(atRoot.map(key).sort()).toEqual([
      'GET /.well-known/jwks.json',
      'GET /.well-known/openid-configuration',
    ]);
    for (const operation of atRoot) expect(surfaceOf(operation.path), key(operation)).toBe('auth');
    const underApi = real.filter((o) => o.path.startsWith('/api/'));
    for (const operation of underApi)
      expect(surfaceOf(operation.path), key(operation)).toBe(byKey.get(key(operation)));
    // And no surface serves an operation twice, or one the document lacks.
    const all = surfaces.flatMap(served).map(key);
    expect(new Set(all).size).toBe(all.length);
    expect(all.sort()).toEqual(underApi.map(key).sort());
  });

  it('picks the most specific pattern, as API Gateway does', () => {
    expect(surfaceOf('/api/villages/{villageId}')).toBe('admin');
    expect(surfaceOf('/api/villages/{villageId}/households')).toBe('points');
    expect(surfaceOf('/api/villages/{villageId}/households/{householdId}/ledger')).toBe('points');
    expect(surfaceOf('/api/villages/{villageId}/store/items/{itemId}')).toBe('store');
    expect(surfaceOf('/api/counties/{countyId}/reports/villages')).toBe('reports');
    expect(surfaceOf('/api/counties/{countyId}/users')).toBe('admin');
    expect(surfaceOf('/api/health')).toBe('public');
    expect(surfaceOf('/api/auth/sign-in')).toBe('auth');
    expect(surfaceOf('/.well-known/jwks.json')).toBe('auth');
  });

  it('gives API Gateway each surface’s patterns on its function, and the public routes without the authorizer', {
    timeout: SYNTH_TIMEOUT,
  }, () => {
    const { stacks, template } = synthApp();
    const api = template(stacks.api);
    type Resource = { Properties: Record<string, unknown> };
    const integrations = api.findResources('AWS::ApiGatewayV2::Integration') as Record<string, Resource>;
    const functions = api.findResources('AWS::Lambda::Function') as Record<string, Resource>;
    const surfaceOfFunction = (logicalId: string) =>
      String(functions[logicalId]?.Properties.Description).match(/API: (\w+) surface/)?.[1];
    const routes = (Object.values(api.findResources('AWS::ApiGatewayV2::Route')) as Resource[]).map((r) => {
      const integrationId = String(r.Properties.Target).match(/integrations\/(.+)$/)?.[1] ?? '';
      const target = JSON.stringify(r.Properties.Target);
      const integration = Object.entries(integrations).find(([id]) => target.includes(id))?.[1];
      const fnId = JSON.stringify(integration?.Properties.IntegrationUri).match(/"(\w+?)","Arn"/)?.[1] ?? '';
      return { key: String(r.Properties.RouteKey), surface: surfaceOfFunction(fnId), integrationId };
    });
    const publicKeys = new Set<string>(publicRoutes.map((r) => `${r.method} ${r.path}`));
    const expected = [
      ...surfaces.flatMap((s) =>
        surfaceRoutes[s]
          .filter((path) => !publicRoutes.some((r) => r.path === path))
          .map((path) => ({ key: `ANY ${path}`, surface: s })),
      ),
      ...[...publicKeys].map((k) => ({ key: k, surface: surfaceOf(k.split(' ')[1] ?? '') })),
    ];
    expect(
      routes.map(({ key, surface }) => ({ key, surface })).sort((a, b) => a.key.localeCompare(b.key)),
    ).toEqual(expected.sort((a, b) => a.key.localeCompare(b.key)));
  });

  it('wires into each surface only the AWS services its routes use', () => {
    for (const surface of surfaces) {
      const used = new Set<string>();
      // The surface's routers and the files of functions/api they import, followed to the end.
      const seen = new Set<string>();
      const visit = (url: URL) => {
        if (seen.has(url.href)) return;
        seen.add(url.href);
        const source = readFileSync(url, 'utf8');
        for (const m of source.matchAll(/deps\.(signingSeed|photos)\b/g)) used.add(m[1] ?? '');
        // The issuer's side of sign-in: signing tokens (KMS Sign) and sending SMS codes.
        for (const m of source.matchAll(/\bidentity\.(tokens|sms)\b/g))
          used.add(m[1] === 'tokens' ? 'tokenSigner' : 'sms');
        for (const m of source.matchAll(/from '(\.\.?\/[\w/.-]+)'/g)) visit(new URL(`${m[1]}.ts`, url));
      };
      visit(new URL(`../../functions/api/src/surfaces/${surface}.ts`, import.meta.url));
      expect([...used].sort(), surface).toEqual([...surfaceServices[surface]].sort());
    }
  });
});
