import { mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { localDb, seedDemo, startDynamoLocal } from '@xjf/local';
import type { TestProject } from 'vitest/node';
import { scratchRoot } from './scratch';

declare module 'vitest' {
  export interface ProvidedContext {
    demoDataDir: string;
  }
}

/**
 * Seeds the demo once per run into DynamoDB Local's files; each browser test file then starts
 * its own DynamoDB Local on a copy (test/e2e/harness.ts), so every file gets a fresh demo for
 * the cost of a copy instead of a seed.
 */
export default async function setup(project: TestProject) {
  const dir = mkdtempSync(join(scratchRoot, 'xjf-e2e-demo-'));
  const dynamo = await startDynamoLocal({ dbPath: dir });
  try {
    await seedDemo(await localDb(dynamo.endpoint), new Date());
  } finally {
    await dynamo.stop();
  }
  project.provide('demoDataDir', dir);
  return () => rmSync(dir, { recursive: true, force: true });
}
