import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { App } from 'aws-cdk-lib';

/** The AWS partitions the app synthesizes for (cdk.json's `@aws-cdk/core:target-partitions`). */
export type Partition = 'aws' | 'aws-cn';

/** How CloudFront proves the admin's host: ACM in the global partition, IAM in China. */
export type WebCertificate =
  | { readonly kind: 'acm'; readonly certificateArn: string }
  | { readonly kind: 'iam'; readonly iamCertificateId: string };

/** The admin at `name`, the API at `api.<name>`. */
export interface CustomDomain {
  readonly name: string;
  /** `api.<name>`: the API's custom domain, and so the token issuer's host. */
  readonly apiName: string;
  readonly webCertificate: WebCertificate;
  /** A regional ACM certificate for `api.<name>`, in the stack's region. */
  readonly apiCertificateArn: string;
}

/** Alibaba Cloud SMS for sign-in codes; the credentials go into a secret by hand after deploy. */
export interface SmsSettings {
  /** The approved signature (签名), e.g. 小积分. */
  readonly signName: string;
  /** The approved template (模板) code, e.g. SMS_123456789. */
  readonly templateCode: string;
}

/** Deployment settings, read once from CDK context (`cdk.json` or `-c key=value`) or XJF_* env vars. */
export interface Config {
  /** Prefix of every stack name: several stages can live in one account. */
  readonly stage: string;
  /** From context or the CLI's environment; never a silent default (see infra/README.md). */
  readonly region: string;
  /** `aws-cn` for the China regions (cn-north-1, cn-northwest-1), `aws` elsewhere. */
  readonly partition: Partition;
  /** Set by the CLI when credentials are present; unset, templates stay account-agnostic. */
  readonly account: string | undefined;
  /** Required in China (ICP); optional in the global partition, where trials run without one. */
  readonly domain: CustomDomain | undefined;
  readonly sms: SmsSettings | undefined;
  readonly tokenKey: {
    /** The signing key's generation, raised by one to rotate (infra/README.md, "Rotating the token key"). */
    readonly generation: number;
    /** Rotation's first step: the next generation's key exists and is published, but signs nothing yet. */
    readonly publishNext: boolean;
    /** Older keys whose public keys stay published until their tokens have expired. */
    readonly retiredArns: readonly string[];
  };
  /** Every function's architecture, CDK's upload function included. */
  readonly lambdaArchitecture: 'arm64' | 'x86_64';
  readonly alarmEmail: string | undefined;
  /** The built admin (`npm run build:web`), or the placeholder when it was not built. */
  readonly webDist: string;
}

/** A mistake in how the app is invoked: app.ts prints its message alone, without a stack trace. */
export class ConfigError extends Error {}

/** Said when there is no domain in China: CloudFront and API Gateway serve nothing there without ICP. */
export const ICP_REQUIRED =
  'The China regions need an ICP-filed (ICP 备案) domain: set domainName (the admin is served there and the API at api.<domainName>), with iamCertificateId and apiCertificateArn.';

const STAGE = /^[a-z][a-z0-9]{0,11}$/;
const REGION = /^[a-z]{2}(-gov)?-[a-z]+-\d$/;
const HOST = /^(?=.{4,200}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;
const ACM_ARN = /^arn:(aws|aws-cn):acm:([a-z0-9-]+):\d{12}:certificate\/[0-9a-f-]{36}$/;
const KMS_KEY_ARN = /^arn:(aws|aws-cn):kms:([a-z0-9-]+):\d{12}:key\/(?:mrk-)?[0-9a-f-]{32,36}$/;
const IAM_CERTIFICATE_ID = /^ASCA[A-Z0-9]{8,124}$/;
const SMS_TEMPLATE = /^SMS_\d{3,20}$/;
/** The default when `webDist` is not set: the admin's build output. */
const WEB_DIST = fileURLToPath(new URL('../web/dist', import.meta.url));
/** Served instead of a missing build when webDist is not set, so a fresh clone synthesizes. */
export const PLACEHOLDER_ADMIN = fileURLToPath(new URL('./placeholder-admin', import.meta.url));

export const partitionOf = (region: string): Partition => (region.startsWith('cn-') ? 'aws-cn' : 'aws');

export function readConfig(app: App): Config {
  const raw = (key: string, env: string): unknown => {
    const value: unknown = app.node.tryGetContext(key) ?? process.env[env];
    return value === '' ? undefined : value;
  };
  const setting = (key: string, env: string): string | undefined => {
    const value = raw(key, env);
    if (value === undefined) return undefined;
    if (typeof value !== 'string') throw new ConfigError(`${key} must be a string`);
    return value.trim() || undefined;
  };

  const stage = setting('stage', 'XJF_STAGE') ?? 'dev';
  if (!STAGE.test(stage)) throw new ConfigError(`stage "${stage}" must match ${STAGE}`);

  // The CLI's own choice: CDK_DEFAULT_REGION is what `cdk` resolved from AWS_REGION or the profile.
  const region =
    setting('region', 'XJF_REGION') ??
    [process.env.CDK_DEFAULT_REGION, process.env.AWS_REGION, process.env.AWS_DEFAULT_REGION].find(Boolean);
  if (!region)
    throw new ConfigError(
      'Set the AWS region: -c region=…, XJF_REGION or AWS_REGION (`npm run synth` picks an example region when none is set).',
    );
  if (!REGION.test(region)) throw new ConfigError(`region "${region}" is not an AWS region name`);
  const partition = partitionOf(region);
  const china = partition === 'aws-cn';

  const domain = readDomain(setting, region, partition);
  if (china && !domain) throw new ConfigError(ICP_REQUIRED);

  const signName = setting('smsSignName', 'XJF_SMS_SIGN_NAME');
  const templateCode = setting('smsTemplateCode', 'XJF_SMS_TEMPLATE_CODE');
  if (Boolean(signName) !== Boolean(templateCode))
    throw new ConfigError(
      'smsSignName and smsTemplateCode go together: the approved signature (签名) and template code (模板) of Alibaba Cloud SMS, or neither to turn SMS sign-in off.',
    );
  if (signName && !/^\S{2,20}$/u.test(signName))
    throw new ConfigError(
      `smsSignName "${signName}" must be the approved signature: 2 to 20 characters, no spaces`,
    );
  if (templateCode && !SMS_TEMPLATE.test(templateCode))
    throw new ConfigError(
      `smsTemplateCode "${templateCode}" must be an Alibaba Cloud template code like SMS_123456789`,
    );

  const generation = Number(setting('tokenKeyGeneration', 'XJF_TOKEN_KEY_GENERATION') ?? '1');
  if (!Number.isInteger(generation) || generation < 1 || generation > 999)
    throw new ConfigError(
      'tokenKeyGeneration must be a whole number from 1 (raise it by one to rotate the key)',
    );
  const publishNext = flag(raw('nextTokenKey', 'XJF_NEXT_TOKEN_KEY'), 'nextTokenKey');
  const retiredArns = list(raw('retiredTokenKeyArns', 'XJF_RETIRED_TOKEN_KEY_ARNS'), 'retiredTokenKeyArns');
  for (const arn of retiredArns) {
    const match = KMS_KEY_ARN.exec(arn);
    if (!match || match[1] !== partition || match[2] !== region)
      throw new ConfigError(
        `retiredTokenKeyArns: "${arn}" must be the ARN of a KMS key in ${region} (arn:${partition}:kms:${region}:<account>:key/<id>)`,
      );
  }

  const lambdaArchitecture = setting('lambdaArchitecture', 'XJF_LAMBDA_ARCHITECTURE') ?? 'arm64';
  if (lambdaArchitecture !== 'arm64' && lambdaArchitecture !== 'x86_64')
    throw new ConfigError(`lambdaArchitecture must be arm64 or x86_64, not "${lambdaArchitecture}"`);

  const alarmEmail = setting('alarmEmail', 'XJF_ALARM_EMAIL');
  if (alarmEmail && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(alarmEmail))
    throw new ConfigError(`alarmEmail "${alarmEmail}" is not an e-mail address`);

  return {
    stage,
    region,
    partition,
    account: process.env.CDK_DEFAULT_ACCOUNT,
    domain,
    sms: signName && templateCode ? { signName, templateCode } : undefined,
    tokenKey: { generation, publishNext, retiredArns },
    lambdaArchitecture,
    alarmEmail,
    webDist: setting('webDist', 'XJF_WEB_DIST') ?? builtOrPlaceholder(),
  };
}

function readDomain(
  setting: (key: string, env: string) => string | undefined,
  region: string,
  partition: Partition,
): CustomDomain | undefined {
  const name = setting('domainName', 'XJF_DOMAIN_NAME')?.toLowerCase();
  const certificateArn = setting('certificateArn', 'XJF_CERTIFICATE_ARN');
  const iamCertificateId = setting('iamCertificateId', 'XJF_IAM_CERTIFICATE_ID');
  const apiCertificateArn = setting('apiCertificateArn', 'XJF_API_CERTIFICATE_ARN');
  if (!name) {
    if (certificateArn || iamCertificateId || apiCertificateArn)
      throw new ConfigError(
        'certificateArn, iamCertificateId and apiCertificateArn need domainName: set it too',
      );
    return undefined;
  }
  if (!HOST.test(name))
    throw new ConfigError(`domainName "${name}" is not a host name like xiaojifen.example.cn`);

  let webCertificate: WebCertificate;
  if (partition === 'aws-cn') {
    if (certificateArn)
      throw new ConfigError(
        'CloudFront in the China regions cannot use ACM certificates: upload the certificate to IAM and set iamCertificateId instead of certificateArn.',
      );
    if (!iamCertificateId)
      throw new ConfigError(
        `Set iamCertificateId: CloudFront in the China regions serves ${name} only with an IAM server certificate (aws iam upload-server-certificate --path /cloudfront/ …).`,
      );
    if (!IAM_CERTIFICATE_ID.test(iamCertificateId))
      throw new ConfigError(
        `iamCertificateId "${iamCertificateId}" must be an IAM server certificate id (ASCA…)`,
      );
    webCertificate = { kind: 'iam', iamCertificateId };
  } else {
    if (iamCertificateId)
      throw new ConfigError(
        'iamCertificateId is for the China regions: in the global partition set certificateArn (an ACM certificate in us-east-1).',
      );
    if (!certificateArn)
      throw new ConfigError(
        `Set certificateArn: the ACM certificate (in us-east-1) CloudFront serves ${name} with.`,
      );
    const match = ACM_ARN.exec(certificateArn);
    if (match?.[1] !== 'aws' || match[2] !== 'us-east-1')
      throw new ConfigError(
        `certificateArn "${certificateArn}" must be an ACM certificate in us-east-1, the only region CloudFront takes them from.`,
      );
    webCertificate = { kind: 'acm', certificateArn };
  }

  if (!apiCertificateArn)
    throw new ConfigError(
      `Set apiCertificateArn: the API is served at api.${name} with a regional ACM certificate in ${region}.`,
    );
  const match = ACM_ARN.exec(apiCertificateArn);
  if (!match || match[1] !== partition || match[2] !== region)
    throw new ConfigError(
      `apiCertificateArn "${apiCertificateArn}" must be an ACM certificate in ${region} (arn:${partition}:acm:${region}:…), covering api.${name}.`,
    );
  return { name, apiName: `api.${name}`, webCertificate, apiCertificateArn };
}

/** A yes or no from cdk.json (a boolean) or from `-c` / the environment ("true", "false"). */
function flag(value: unknown, key: string): boolean {
  if (value === undefined || value === null || value === false || value === 'false') return false;
  if (value === true || value === 'true') return true;
  throw new ConfigError(`${key} must be true or false`);
}

/** A list from cdk.json (an array) or from `-c` / the environment (comma-separated). */
function list(value: unknown, key: string): string[] {
  if (value === undefined || value === null) return [];
  const items = typeof value === 'string' ? value.split(',') : value;
  if (!Array.isArray(items) || items.some((item) => typeof item !== 'string'))
    throw new ConfigError(`${key} must be a list of strings (comma-separated on the command line)`);
  return [...new Set(items.map((item: string) => item.trim()).filter(Boolean))];
}

/**
 * web/dist when it has been built. Otherwise the placeholder admin, so that `npm run synth` works
 * on a fresh clone: said on stderr, and the placeholder page itself says to build and deploy again.
 */
function builtOrPlaceholder(): string {
  if (existsSync(join(WEB_DIST, 'index.html')) && existsSync(join(WEB_DIST, 'assets'))) return WEB_DIST;
  console.error(
    'note: web/dist is missing, so the placeholder admin (infra/placeholder-admin) is used; run `npm run build:web` before deploying (`npm run deploy` does).',
  );
  return PLACEHOLDER_ADMIN;
}
