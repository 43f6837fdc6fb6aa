import { surfaces } from '@xjf/api/routing';
import { TOKEN_AUDIENCE } from '@xjf/domain';
import { App } from 'aws-cdk-lib';
import type { Template } from 'aws-cdk-lib/assertions';
import * as cloudfront from 'aws-cdk-lib/aws-cloudfront';
import { beforeAll, describe, expect, it } from 'vitest';
import { ICP_REQUIRED, PLACEHOLDER_ADMIN, readConfig } from '../../infra/config';
import { addStacks } from '../../infra/stacks';
import {
  appContext,
  CHINA,
  rendered,
  SYNTH_TIMEOUT,
  stagedFiles,
  strings,
  synthApp,
  templates,
} from './synth';

type Resource = { Type: string; Properties: Record<string, unknown> };
type Synth = ReturnType<typeof synthApp>;

/** What the China templates may run on (CHINA.md; infra/README.md says why arm64). */
const RUNTIMES = { ours: ['nodejs24.x'], cdkUploader: /^python3\.\d+$/ };
/** Hosts of the global partition that must not appear in what the browser is told to call. */
const GLOBAL_HOSTS = /amazoncognito\.com|cloudfront\.net|cloudfront\.cn|amazonaws\.com(?!\.cn)/;

const resources = (t: Record<string, unknown>) =>
  Object.entries((t.Resources ?? {}) as Record<string, Resource>);

describe('the China synth (cn-northwest-1, ICP-filed domain, SMS)', () => {
  let synth: Synth;
  let all: Record<string, Record<string, unknown>>;
  let web: Template;
  let api: Template;

  beforeAll(() => {
    // CDK's built-in validation stays on: F3006 knows which resource types Ningxia has.
    synth = synthApp(CHINA, { validation: true });
    all = templates(synth.assembly);
    web = synth.template(synth.stacks.web);
    api = synth.template(synth.stacks.api);
  }, SYNTH_TIMEOUT);

  it('has no resource type China lacks or that we leave out there', () => {
    const types = Object.values(all).flatMap((t) => resources(t).map(([, r]) => r.Type));
    expect(types.length).toBeGreaterThan(50);
    const absent = [
      /^AWS::Cognito::/,
      /^AWS::CloudFront::OriginAccessControl$/,
      /^AWS::CloudFront::Function$/,
      /^AWS::CloudFront::CachePolicy$/,
      /^AWS::CloudFront::ResponseHeadersPolicy$/,
      /^AWS::Lambda::Url$/,
    ];
    expect(types.filter((type) => absent.some((pattern) => pattern.test(type)))).toEqual([]);
    expect(types).toContain('AWS::CloudFront::CloudFrontOriginAccessIdentity');
  });

  it('names no global-partition ARN and no global AWS host, outside service principals', () => {
    for (const [name, template] of Object.entries(all)) {
      expect(JSON.stringify(template), name).not.toContain('arn:aws:');
      const hosts = strings(template).filter(
        ({ key, value }) => /amazonaws\.com(?!\.cn)/.test(value) && key !== 'Service' && key !== 'Principal',
      );
      expect(hosts, name).toEqual([]);
    }
    // The principals themselves are service names, the same in both partitions.
    const principals = Object.values(all).flatMap((t) =>
      strings(t)
        .filter(({ key }) => key === 'Service' || key === 'Principal')
        .map(({ value }) => value),
    );
    for (const principal of principals) expect(principal).toMatch(/^[a-z0-9.-]+\.amazonaws\.com$/);
  });

  it('serves the admin from the ICP-filed alias with an IAM certificate, legacy caching and an OAI', () => {
    const [distribution, ...more] = Object.values(
      web.findResources('AWS::CloudFront::Distribution'),
    ) as Resource[];
    expect(more).toEqual([]);
    const config = distribution?.Properties.DistributionConfig as Record<string, unknown>;
    expect(config.Aliases).toEqual([CHINA.domainName]);
    expect(config.ViewerCertificate).toEqual({
      IamCertificateId: CHINA.iamCertificateId,
      SslSupportMethod: 'sni-only',
      MinimumProtocolVersion: 'TLSv1.2_2021',
    });
    const behavior = config.DefaultCacheBehavior as Record<string, unknown>;
    expect(JSON.stringify(config)).not.toMatch(
      /CachePolicyId|ResponseHeadersPolicyId|FunctionAssociations|LambdaFunctionAssociations|AcmCertificateArn/,
    );
    expect(behavior).toMatchObject({
      ForwardedValues: { QueryString: false, Cookies: { Forward: 'none' } },
      MinTTL: 0,
      DefaultTTL: 86400,
      MaxTTL: 31536000,
      ViewerProtocolPolicy: 'redirect-to-https',
      Compress: true,
    });
    expect(config.CacheBehaviors).toBeUndefined();
    expect(config.PriceClass).toBeUndefined();
    expect(config.HttpVersion).toBe('http2');
    const [origin] = config.Origins as Record<string, unknown>[];
    expect(origin).not.toHaveProperty('OriginAccessControlId');
    expect(JSON.stringify(origin)).toContain('origin-access-identity/cloudfront/');
  });

  it('writes the CSP into index.html, naming the API’s exact origin and the China S3 host', () => {
    const csp = rendered(synth.stacks.web.resolve(synth.stacks.web.contentSecurityPolicy), CHINA.region);
    expect(csp).toContain(
      `connect-src 'self' https://api.${CHINA.domainName} https://*.s3.cn-northwest-1.amazonaws.com.cn;`,
    );
    expect(csp).toContain("img-src 'self' data: blob: https://*.s3.cn-northwest-1.amazonaws.com.cn;");
    expect(csp).not.toMatch(GLOBAL_HOSTS);
    const [index, ...others] = stagedFiles(synth.assembly, 'index.html');
    expect(others).toEqual([]);
    expect(index).toMatch(
      /<head><meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self';[^"]*"/,
    );
    expect(index).toContain(`https://api.${CHINA.domainName}`);
    expect(index).not.toContain('frame-ancestors');
    expect(index).toContain('<meta name="referrer" content="strict-origin-when-cross-origin" />');
    expect(index).not.toMatch(GLOBAL_HOSTS);
  });

  it('tells the admin the API is at api.<domain>, in config.json', () => {
    const configs = stagedFiles(synth.assembly, 'config.json').map((c) => JSON.parse(c) as unknown);
    expect(configs).toEqual([{ apiBaseUrl: `https://api.${CHINA.domainName}`, dev: false }]);
  });

  it('lets only the admin’s origin call the API and the photo bucket, with credentials for the API', () => {
    const [http] = Object.values(api.findResources('AWS::ApiGatewayV2::Api')) as Resource[];
    expect(http?.Properties).toMatchObject({
      DisableExecuteApiEndpoint: true,
      CorsConfiguration: {
        AllowOrigins: [`https://${CHINA.domainName}`],
        AllowCredentials: true,
        AllowHeaders: ['authorization', 'content-type', 'idempotency-key'],
      },
    });
    const cors = Object.values(api.findResources('AWS::S3::Bucket'))
      .map((b) => (b as Resource).Properties.CorsConfiguration)
      .filter(Boolean);
    expect(cors).toEqual([
      expect.objectContaining({
        CorsRules: [expect.objectContaining({ AllowedOrigins: [`https://${CHINA.domainName}`] })],
      }),
    ]);
    expect(JSON.stringify([http?.Properties.CorsConfiguration, cors])).not.toMatch(GLOBAL_HOSTS);
  });

  it('verifies tokens issued by https://api.<domain>, the API’s own regional custom domain', () => {
    api.hasResourceProperties('AWS::ApiGatewayV2::Authorizer', {
      AuthorizerType: 'JWT',
      JwtConfiguration: { Issuer: `https://api.${CHINA.domainName}`, Audience: [TOKEN_AUDIENCE] },
    });
    api.hasResourceProperties('AWS::ApiGatewayV2::DomainName', {
      DomainName: `api.${CHINA.domainName}`,
      DomainNameConfigurations: [
        { CertificateArn: CHINA.apiCertificateArn, EndpointType: 'REGIONAL', SecurityPolicy: 'TLS_1_2' },
      ],
    });
    api.hasResourceProperties('AWS::ApiGatewayV2::ApiMapping', { Stage: '$default' });
    api.hasOutput('ApiDomainTarget', {});
    for (const [, fn] of resources(all[synth.stacks.api.stackName] ?? {}).filter(
      ([, r]) => r.Type === 'AWS::Lambda::Function',
    ))
      expect(
        (fn.Properties.Environment as { Variables: Record<string, unknown> }).Variables.TOKEN_ISSUER,
      ).toBe(`https://api.${CHINA.domainName}`);
  });

  it('runs every function on an allowed runtime, on arm64', () => {
    const fns = Object.values(all).flatMap((t) =>
      resources(t).filter(([, r]) => r.Type === 'AWS::Lambda::Function'),
    );
    // One per API surface, the jobs, and CDK's web uploader.
    expect(fns.length).toBe(surfaces.length + 2);
    for (const [id, fn] of fns) {
      const runtime = String(fn.Properties.Runtime);
      if (id.startsWith('CustomCDKBucketDeployment')) expect(runtime).toMatch(RUNTIMES.cdkUploader);
      else expect(RUNTIMES.ours).toContain(runtime);
      expect(fn.Properties.Architectures, id).toEqual(['arm64']);
    }
  });
});

describe('China settings', () => {
  it('refuse a synth without a domain, in the ICP sentence', () => {
    expect(() => synthApp({ region: 'cn-northwest-1' })).toThrow(ICP_REQUIRED);
  });

  it('serve the placeholder admin, with its CSP, when the admin was not built', {
    timeout: SYNTH_TIMEOUT,
  }, () => {
    const { assembly } = synthApp({ ...CHINA, webDist: PLACEHOLDER_ADMIN });
    const [index, ...more] = stagedFiles(assembly, 'index.html');
    expect(more).toEqual([]);
    expect(index).toContain('npm run build:web');
    expect(index).toMatch(/<head><meta http-equiv="Content-Security-Policy"/);
  });

  it(
    'move every function to x86_64 when told, CDK’s uploader included',
    () => {
      const { assembly } = synthApp({ ...CHINA, lambdaArchitecture: 'x86_64' });
      const architectures = Object.values(templates(assembly)).flatMap((t) =>
        resources(t)
          .filter(([, r]) => r.Type === 'AWS::Lambda::Function')
          .map(([, r]) => r.Properties.Architectures),
      );
      expect(architectures).toHaveLength(surfaces.length + 2);
      expect(new Set(architectures.map((a) => JSON.stringify(a)))).toEqual(new Set(['["x86_64"]']));
    },
    SYNTH_TIMEOUT,
  );

  it(
    'keep CDK’s resource-type check on: an origin access control fails the China synth',
    () => {
      const app = new App({ builtinCloudFormationValidation: true, context: appContext(CHINA) });
      const stacks = addStacks(app, readConfig(app));
      new cloudfront.CfnOriginAccessControl(stacks.web, 'NotInChina', {
        originAccessControlConfig: {
          name: 'not-in-china',
          originAccessControlOriginType: 's3',
          signingBehavior: 'always',
          signingProtocol: 'sigv4',
        },
      });
      expect(() => app.synth()).toThrow(
        /OriginAccessControl' does not exist in 'cn-northwest-1'[\s\S]*F3006/,
      );
    },
    SYNTH_TIMEOUT,
  );
});
