import { fileURLToPath } from 'node:url';
import type { App } from 'aws-cdk-lib';

/** Deployment settings, read once from CDK context (`cdk.json` or `-c key=value`) or XJF_* env vars. */
export interface Config {
  /** Prefix of every stack name: several stages can live in one account. */
  readonly stage: string;
  /** Always explicit: without credentials CDK would silently fall back to us-east-1. */
  readonly region: string;
  /** Set by the CLI when credentials are present; unset, templates stay account-agnostic. */
  readonly account: string | undefined;
  /** Custom admin host name; needs `certificateArn` (an ACM certificate in us-east-1). */
  readonly customDomain: { readonly domainName: string; readonly certificateArn: string } | undefined;
  /** Hosted sign-in prefix; defaults to xiaojifen-<stage>-<account id>, unique per account. */
  readonly authDomainPrefix: string | undefined;
  readonly alarmEmail: string | undefined;
  /** The built admin (`npm run build:web`). */
  readonly webDist: string;
}

/** A mistake in how the app is invoked: app.ts prints its message alone, without a stack trace. */
export class ConfigError extends Error {}

const STAGE = /^[a-z][a-z0-9]{0,11}$/;
const REGION = /^[a-z]{2}(-gov)?-[a-z]+-\d$/;
const PREFIX = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

export function readConfig(app: App): Config {
  const setting = (key: string, env: string): string | undefined => {
    const value: unknown = app.node.tryGetContext(key) ?? process.env[env];
    if (value === undefined || value === '') return undefined;
    if (typeof value !== 'string') throw new ConfigError(`${key} must be a string`);
    return value;
  };
  const stage = setting('stage', 'XJF_STAGE') ?? 'dev';
  if (!STAGE.test(stage)) throw new ConfigError(`stage "${stage}" must match ${STAGE}`);
  const region = setting('region', 'XJF_REGION');
  if (!region || !REGION.test(region))
    throw new ConfigError('set the AWS region explicitly: context "region" in cdk.json or -c region=…');
  const domainName = setting('domainName', 'XJF_DOMAIN_NAME');
  const certificateArn = setting('certificateArn', 'XJF_CERTIFICATE_ARN');
  if (Boolean(domainName) !== Boolean(certificateArn))
    throw new ConfigError('domainName and certificateArn go together (the certificate must be in us-east-1)');
  const authDomainPrefix = setting('authDomainPrefix', 'XJF_AUTH_DOMAIN_PREFIX');
  if (authDomainPrefix && !PREFIX.test(authDomainPrefix))
    throw new ConfigError(`authDomainPrefix "${authDomainPrefix}" must match ${PREFIX}`);
  return {
    stage,
    region,
    account: process.env.CDK_DEFAULT_ACCOUNT,
    customDomain: domainName && certificateArn ? { domainName, certificateArn } : undefined,
    authDomainPrefix,
    alarmEmail: setting('alarmEmail', 'XJF_ALARM_EMAIL'),
    webDist: setting('webDist', 'XJF_WEB_DIST') ?? fileURLToPath(new URL('../web/dist', import.meta.url)),
  };
}
