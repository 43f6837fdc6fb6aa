import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { surfaces } from '@xjf/api/routing';
import { beforeAll, describe, expect, it } from 'vitest';
import { BUNDLE_BUDGET_BYTES, bundleFunction } from '../../infra/constructs/bundle';
import { event, type HttpApiEvent } from '../support/lambda-event';
import { synthApp } from './synth';

const run = promisify(execFile);
const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
// Inside the repository, so the bundles find the SDK in node_modules as they find the runtime's in AWS.
const outRoot = mkdtempSync(join(repoRoot, 'node_modules', '.xjf-bundles-'));
const entries = {
  ...Object.fromEntries(surfaces.map((s) => [s, `functions/api/src/lambda/${s}.ts`])),
  jobs: 'functions/jobs/src/index.ts',
};

/** What Lambda gives the functions, in the shapes they check at cold start. */
const environment = {
  AWS_REGION: 'ap-southeast-1',
  TABLE_NAME: 'bundle-test',
  TOKEN_ISSUER: 'https://api.bundle-test.example.cn',
  TOKEN_KEY_IDS: 'arn:aws:kms:ap-southeast-1:000000000000:key/00000000-0000-0000-0000-000000000000',
  SIGNING_SEED_SECRET_ARN: 'arn:aws:secretsmanager:ap-southeast-1:000000000000:secret:bundle-test',
  PHOTO_BUCKET: 'bundle-test-photos',
};

const built: Record<string, Awaited<ReturnType<typeof bundleFunction>>> = {};

/** Imports a built function in a fresh Node, as a cold start does, and hands it one event. */
async function invokeBuilt(name: string, request: HttpApiEvent) {
  const script = `const { handler } = await import(${JSON.stringify(`file://${built[name]?.entryFile}`)});
    const res = await handler(JSON.parse(process.env.EVENT), {});
    console.log(JSON.stringify(res));`;
  const { stdout } = await run(process.execPath, ['--input-type=module', '-e', script], {
    env: { ...process.env, ...environment, EVENT: JSON.stringify(request) },
  });
  const res = JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}') as { statusCode: number; body: string };
  return { status: res.statusCode, body: JSON.parse(res.body) as Record<string, unknown> };
}

describe('the functions as the build makes them', () => {
  beforeAll(async () => {
    for (const [name, entry] of Object.entries(entries))
      built[name] = await bundleFunction(join(repoRoot, entry), join(outRoot, name));
  }, 120_000);

  it('are each within the 400 kB budget, lazily loaded chunks included', () => {
    for (const [name, { bytes, entryBytes }] of Object.entries(built)) {
      expect(bytes, name).toBeLessThanOrEqual(BUNDLE_BUDGET_BYTES);
      expect(entryBytes, name).toBeLessThanOrEqual(bytes);
    }
    // The county report's Excel writer is a chunk of its own, loaded only for an export.
    expect(built.reports?.entryBytes).toBeLessThan(built.reports?.bytes ?? 0);
  });

  it('are the same bytes when built again, so a synth only changes what changed', async () => {
    const again = await bundleFunction(
      join(repoRoot, 'functions/api/src/lambda/admin.ts'),
      join(outRoot, 'admin-again'),
    );
    expect(readFileSync(again.entryFile)).toEqual(readFileSync(built.admin?.entryFile ?? ''));
  });

  it('are each given to their own function when CDK bundles the API stack', () => {
    // Bundling on for the API stack only (cdk.json's stage is dev), as `cdk deploy` runs it.
    const { stacks, template } = synthApp({ 'aws:cdk:bundling-stacks': ['Xjf-dev-Api'] });
    const fns = Object.values(template(stacks.api).findResources('AWS::Lambda::Function')) as {
      Properties: { Code: { S3Key: unknown } };
    }[];
    // Asset hashes are taken from the output, so distinct keys mean distinct builds.
    const keys = fns.map((fn) => JSON.stringify(fn.Properties.Code.S3Key));
    expect(keys).toHaveLength(surfaces.length);
    expect(new Set(keys).size).toBe(surfaces.length);
  }, 120_000);

  it('answer health without a token, from the public function', async () => {
    const res = await invokeBuilt('public', event('GET', '/api/health'));
    expect(res).toEqual({ status: 200, body: { status: 'ok' } });
  });

  it('validate with zod’s Chinese and English messages, which the build keeps', async () => {
    // A village id of the wrong shape fails the path schema before anything reads the table.
    const res = await invokeBuilt('public', event('GET', '/api/public/villages/%E6%9D%91/board'));
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('validation_failed');
    expect(JSON.stringify(res.body)).toMatch(/[\u4e00-\u9fff]/);
  });

  it('answer the issuer’s discovery document without a token, from the auth function', async () => {
    const res = await invokeBuilt('auth', event('GET', '/.well-known/openid-configuration'));
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      issuer: environment.TOKEN_ISSUER,
      jwks_uri: `${environment.TOKEN_ISSUER}/.well-known/jwks.json`,
    });
  });

  // The public and auth surfaces' routes are the ones without a token (public-routes.ts).
  it.each(surfaces.filter((s) => s !== 'public' && s !== 'auth'))(
    'the %s function refuses a request without a token',
    async (surface) => {
      const paths: Record<string, string> = {
        admin: '/api/me',
        partner: '/api/partner/profile',
        points: '/api/villages/v1/households',
        store: '/api/villages/v1/store/items',
        reports: '/api/villages/v1/reports/summary',
      };
      const res = await invokeBuilt(surface, event('GET', paths[surface] ?? ''));
      expect(res.status).toBe(401);
      expect(res.body.code).toEqual(expect.any(String));
    },
  );

  it('loads the jobs function with its handler', async () => {
    const script = `const m = await import(${JSON.stringify(`file://${built.jobs?.entryFile}`)}); console.log(typeof m.handler);`;
    const { stdout } = await run(process.execPath, ['--input-type=module', '-e', script], {
      env: { ...process.env, ...environment },
    });
    expect(stdout.trim()).toBe('function');
  });
});
