import { startDynamoLocal } from '@xjf/local';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    dynamoEndpoints: string[];
  }
}

/**
 * In-memory DynamoDB Locals for the run, one per test worker: a DynamoDB Local serves one
 * request at a time, so two workers on one would wait on each other. Tests isolate themselves
 * by unique tables or tenants.
 */
const WORKERS = 2;

export default async function setup(project: TestProject) {
  const instances = await Promise.all(Array.from({ length: WORKERS }, () => startDynamoLocal()));
  project.provide(
    'dynamoEndpoints',
    instances.map((d) => d.endpoint),
  );
  return () => Promise.all(instances.map((d) => d.stop()));
}
