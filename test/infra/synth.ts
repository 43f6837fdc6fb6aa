import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App, type Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { readConfig } from '../../infra/config';
import { addStacks } from '../../infra/stacks';

const cdkJson = JSON.parse(readFileSync(new URL('../../cdk.json', import.meta.url), 'utf8')) as {
  context: Record<string, unknown>;
};

/** A synth takes 5–20 s on a loaded 2-core machine: hooks that synthesize get this long. */
export const SYNTH_TIMEOUT = 120_000;

/** The global partition as the tests synthesize it (cdk.json names no region on purpose). */
export const GLOBAL = { region: 'ap-southeast-1' } as const;

/** The global partition with every optional setting: a domain, SMS and an alarm e-mail. */
export const GLOBAL_FULL = {
  ...GLOBAL,
  domainName: 'xiaojifen.example.com',
  certificateArn: 'arn:aws:acm:us-east-1:111122223333:certificate/11111111-2222-3333-4444-555555555555',
  apiCertificateArn:
    'arn:aws:acm:ap-southeast-1:111122223333:certificate/66666666-7777-8888-9999-000000000000',
  smsSignName: '小积分',
  smsTemplateCode: 'SMS_123456789',
  alarmEmail: 'ops@example.cn',
} as const;

/** The home deployment: Ningxia with the placeholders of `npm run synth:cn` (infra/README.md). */
export const CHINA = {
  region: 'cn-northwest-1',
  domainName: 'xiaojifen.example.cn',
  iamCertificateId: 'ASCAEXAMPLE000000000',
  apiCertificateArn:
    'arn:aws-cn:acm:cn-northwest-1:000000000000:certificate/00000000-0000-0000-0000-000000000000',
  smsSignName: '小积分',
  smsTemplateCode: 'SMS_000000000',
} as const;

/** A stand-in for web/dist, so these tests never depend on (or race with) the real admin build. */
export function fakeWebDist(): string {
  const dir = mkdtempSync(join(tmpdir(), 'xjf-web-'));
  mkdirSync(join(dir, 'assets'));
  writeFileSync(
    join(dir, 'index.html'),
    '<!doctype html>\n<html lang="zh-CN"><head><title>x</title></head><body><script type="module" src="/assets/a.js"></script></body></html>',
  );
  writeFileSync(join(dir, 'assets', 'a.js'), 'console.log(1);');
  writeFileSync(join(dir, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  return dir;
}

export interface SynthOptions {
  /**
   * CDK's built-in CloudFormation validation (F3006: resource types per region and the schemas).
   * Off by default, as `npx cdk synth` runs it (4 s or more); on for the China synth.
   */
  readonly validation?: boolean;
}

/** cdk.json's context (the feature flags), the global region, no bundling, a fake admin, then `extra`. */
export function appContext(extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { ...cdkJson.context, ...GLOBAL, 'aws:cdk:bundling-stacks': [], webDist: fakeWebDist(), ...extra };
}

/**
 * The real app with cdk.json's context (feature flags) plus the global region and `extra`.
 * Bundling is skipped: `npx cdk synth` and test/infra/bundles.test.ts build the functions.
 */
export function synthApp(extra: Record<string, unknown> = {}, options: SynthOptions = {}) {
  const app = new App({
    builtinCloudFormationValidation: options.validation ?? false,
    context: appContext(extra),
  });
  const stacks = addStacks(app, readConfig(app));
  const assembly = app.synth();
  return { app, stacks, assembly, template: (stack: Stack) => Template.fromStack(stack) };
}

/** Every template of a synth, parsed, by stack name. */
export function templates(assembly: ReturnType<App['synth']>): Record<string, Record<string, unknown>> {
  return Object.fromEntries(assembly.stacks.map((s) => [s.stackName, s.template as Record<string, unknown>]));
}

/**
 * A CloudFormation string value as it will read once deployed, for assertions: Fn::Join and
 * Fn::Sub are joined, the partition's pseudo parameters become their values for `region`, and
 * any other reference stays visible as <Ref …> or <GetAtt …>.
 */
export function rendered(value: unknown, region: string): string {
  const suffix = region.startsWith('cn-') ? 'amazonaws.com.cn' : 'amazonaws.com';
  const pseudo: Record<string, string> = {
    'AWS::URLSuffix': suffix,
    'AWS::Region': region,
    'AWS::Partition': region.startsWith('cn-') ? 'aws-cn' : 'aws',
  };
  const render = (v: unknown): string => {
    if (typeof v === 'string') return v;
    if (typeof v === 'number' || typeof v === 'boolean') return String(v);
    if (Array.isArray(v)) return v.map(render).join(',');
    if (v && typeof v === 'object') {
      const o = v as Record<string, unknown>;
      if ('Fn::Join' in o) {
        const [sep, parts] = o['Fn::Join'] as [string, unknown[]];
        return parts.map(render).join(sep);
      }
      if ('Ref' in o) return pseudo[String(o.Ref)] ?? `<Ref ${String(o.Ref)}>`;
      if ('Fn::GetAtt' in o) return `<GetAtt ${[o['Fn::GetAtt']].flat().join('.')}>`;
      if ('Fn::Sub' in o)
        return String(o['Fn::Sub']).replace(
          /\$\{([\w:.]+)\}/g,
          (_, name: string) => pseudo[name] ?? `<${name}>`,
        );
      return `<${Object.keys(o).join(',')}>`;
    }
    return '';
  };
  return render(value);
}

/** The contents of every staged asset file called `name` (config.json, index.html) in a synth. */
export function stagedFiles(assembly: ReturnType<App['synth']>, name: string): string[] {
  return readdirSync(assembly.directory)
    .filter((entry) => entry.startsWith('asset.'))
    .map((entry) => join(assembly.directory, entry, name))
    .filter((file) => existsSync(file))
    .map((file) => readFileSync(file, 'utf8'));
}

/**
 * Every string of a template with the key it sits under, for scans such as "no global host":
 * `Fn::Join` pieces are joined first, so a host split around a reference is still seen whole.
 */
export function strings(template: unknown): { key: string; value: string }[] {
  const out: { key: string; value: string }[] = [];
  const walk = (v: unknown, key: string) => {
    if (typeof v === 'string') out.push({ key, value: v });
    else if (Array.isArray(v)) for (const item of v) walk(item, key);
    else if (v && typeof v === 'object')
      for (const [k, item] of Object.entries(v)) {
        if (k === 'Fn::Join') {
          const [sep, parts] = item as [string, unknown[]];
          out.push({ key, value: parts.map((p) => (typeof p === 'string' ? p : '\u0000')).join(sep) });
        }
        walk(item, k);
      }
  };
  walk(template, '');
  return out;
}
