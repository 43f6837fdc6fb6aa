import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App, type Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { readConfig } from '../../infra/config';
import { addStacks } from '../../infra/stacks';

const cdkJson = JSON.parse(readFileSync(new URL('../../cdk.json', import.meta.url), 'utf8')) as {
  context: Record<string, unknown>;
};

/** A stand-in for web/dist, so these tests never depend on (or race with) the real admin build. */
export function fakeWebDist(): string {
  const dir = mkdtempSync(join(tmpdir(), 'xjf-web-'));
  mkdirSync(join(dir, 'assets'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><script type="module" src="/assets/a.js"></script>');
  writeFileSync(join(dir, 'assets', 'a.js'), 'console.log(1);');
  return dir;
}

/**
 * The real app with cdk.json's context (feature flags, region) plus `extra`. Skipped here, because
 * `npx cdk synth` does both: bundling, and CDK's CloudFormation schema check (4 s or more per process).
 */
export function synthApp(extra: Record<string, unknown> = {}) {
  const app = new App({
    builtinCloudFormationValidation: false,
    context: { ...cdkJson.context, 'aws:cdk:bundling-stacks': [], webDist: fakeWebDist(), ...extra },
  });
  const stacks = addStacks(app, readConfig(app));
  app.synth();
  return { app, stacks, template: (stack: Stack) => Template.fromStack(stack) };
}
