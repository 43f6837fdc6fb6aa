import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isSeeded, localDb } from '@xjf/local';
import { describe, expect, it } from 'vitest';
import { dynamoEndpoint } from '../support/dynamo';

const root = fileURLToPath(new URL('../../', import.meta.url));

describe('the local runtime', () => {
  // The demo seeded on disk and kept across a restart is tested on the seed the browser tests share
  // (test/e2e/demo-runtime.test.ts); here, what a fresh table says before any seed.
  it('finds nothing seeded in a fresh table', async () => {
    expect(await isSeeded(await localDb(dynamoEndpoint(), `t-${randomUUID()}`))).toBe(false);
  });

  const runStart = (env: Record<string, string>) =>
    spawnSync(process.execPath, ['--import', 'tsx', join(root, 'packages/local/src/main.ts')], {
      cwd: root,
      env: { ...process.env, ...env },
      encoding: 'utf8',
      timeout: 30_000,
    });

  it('explains a taken port in one line', async () => {
    const holder = createServer();
    await new Promise<void>((resolve) => holder.listen(0, '0.0.0.0', resolve));
    const address = holder.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    try {
      const out = runStart({ PORT: String(port) });
      expect(out.status).toBe(1);
      expect(out.stderr.trim()).toBe(
        `✗ Port ${port} is already in use: stop what uses it, or run PORT=3001 npm start.`,
      );
    } finally {
      holder.close();
    }
  });

  it('explains missing Java in one line', () => {
    const out = runStart({ PATH: join(tmpdir(), `no-java-${randomUUID()}`) });
    expect(out.status).toBe(1);
    expect(out.stderr.trim()).toMatch(/^✗ Java 17\+ is needed to run DynamoDB Local/);
  });
});
