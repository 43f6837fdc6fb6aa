import { mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { localDb, seedDemo, startDynamoLocal } from '@xjf/local';
import type { TestProject } from 'vitest/node';
import { scratchRoot } from './scratch';

declare module 'vitest' {
  export interface ProvidedContext {
    demoDataDir: string;
    /** The browser tests' DynamoDB Local (one database per access key) and its folder. */
    e2eDynamo: { endpoint: string; dir: string };
  }
}

/**
 * Seeds the demo once per run into DynamoDB Local's files, then starts the one DynamoDB Local
 * the browser tests share: without -sharedDb it keeps a database per access key, so each test
 * file copies the seeded database under a key of its own (test/e2e/harness.ts) and gets a fresh
 * demo for the cost of a file copy, instead of a seed or a JVM start.
 */
export default async function setup(project: TestProject) {
  const dir = mkdtempSync(join(scratchRoot, 'xjf-e2e-demo-'));
  const seeding = await startDynamoLocal({ dbPath: dir });
  try {
    await seedDemo(await localDb(seeding.endpoint), new Date());
  } finally {
    await seeding.stop();
  }
  const browserDir = mkdtempSync(join(scratchRoot, 'xjf-e2e-files-'));
  const shared = await startDynamoLocal({ dbPath: browserDir, sharedDb: false });
  project.provide('demoDataDir', dir);
  project.provide('e2eDynamo', { endpoint: shared.endpoint, dir: browserDir });
  return async () => {
    await shared.stop();
    rmSync(browserDir, { recursive: true, force: true });
    rmSync(dir, { recursive: true, force: true });
  };
}
