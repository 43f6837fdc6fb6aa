import { App } from 'aws-cdk-lib';
import { Match, type Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { readConfig } from '../../infra/config';
import { addStacks } from '../../infra/stacks';
import { GLOBAL, GLOBAL_FULL, rendered, SYNTH_TIMEOUT, stagedFiles, synthApp } from './synth';

type Resource = { Properties: Record<string, unknown>; DeletionPolicy?: string };

describe('web stack', () => {
  let web: Template;
  let headers: Record<string, unknown>;
  let distribution: Record<string, unknown>;

  beforeAll(() => {
    const { stacks, template } = synthApp();
    web = template(stacks.web);
    headers = (Object.values(web.findResources('AWS::CloudFront::ResponseHeadersPolicy'))[0] as Resource)
      .Properties.ResponseHeadersPolicyConfig as Record<string, unknown>;
    distribution = (Object.values(web.findResources('AWS::CloudFront::Distribution'))[0] as Resource)
      .Properties.DistributionConfig as Record<string, unknown>;
  }, SYNTH_TIMEOUT);

  it('blocks public access on every bucket, requires TLS and retains them', () => {
    const buckets = Object.entries(web.findResources('AWS::S3::Bucket')) as [string, Resource][];
    expect(buckets.length).toBe(2);
    for (const [id, bucket] of buckets) {
      expect(bucket.Properties.PublicAccessBlockConfiguration).toEqual({
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      });
      expect(bucket.DeletionPolicy).toBe('Retain');
      web.hasResourceProperties('AWS::S3::BucketPolicy', {
        Bucket: { Ref: id },
        PolicyDocument: {
          Statement: Match.arrayWith([
            Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
          ]),
        },
      });
    }
  });

  it('reads the site bucket through Origin Access Control only', () => {
    web.resourceCountIs('AWS::CloudFront::OriginAccessControl', 1);
    const [origin] = distribution.Origins as Record<string, unknown>[];
    expect(origin).toMatchObject({ OriginAccessControlId: expect.anything(), S3OriginConfig: {} });
  });

  it('serves the SPA for unknown paths and redirects to HTTPS', () => {
    expect(distribution.CustomErrorResponses).toEqual(
      [403, 404].map((code) => ({
        ErrorCode: code,
        ResponseCode: 200,
        ResponsePagePath: '/index.html',
        ErrorCachingMinTTL: 0,
      })),
    );
    expect(distribution.DefaultCacheBehavior).toMatchObject({ ViewerProtocolPolicy: 'redirect-to-https' });
  });

  it('sends HSTS and a CSP that lets the admin call only the API and the photo bucket', () => {
    const security = headers.SecurityHeadersConfig as Record<string, Record<string, unknown>>;
    expect(security.StrictTransportSecurity).toMatchObject({
      AccessControlMaxAgeSec: 63072000,
      Override: true,
    });
    expect(security.FrameOptions).toMatchObject({ FrameOption: 'DENY' });
    // Hosts come from the partition's URL suffix, so the template holds a reference to it.
    const csp = rendered(security.ContentSecurityPolicy?.ContentSecurityPolicy, GLOBAL.region);
    expect(JSON.stringify(security.ContentSecurityPolicy)).toContain('AWS::URLSuffix');
    expect(csp).toContain("script-src 'self';");
    expect(csp).toContain("frame-ancestors 'none'");
    // Without a domain the API's id is not known here (its CORS names this stack).
    expect(csp).toContain(
      "connect-src 'self' https://*.execute-api.ap-southeast-1.amazonaws.com https://*.s3.ap-southeast-1.amazonaws.com;",
    );
    // Photos are sent to and shown from the photo bucket with presigned URLs.
    expect(csp).toContain("img-src 'self' data: blob: https://*.s3.ap-southeast-1.amazonaws.com;");
    expect(csp).not.toMatch(/amazoncognito|cloudfront\.net|cloudfront\.cn/);
  });

  it('uses the managed caching-optimized policy outside China', () => {
    expect(distribution.DefaultCacheBehavior).toMatchObject({
      CachePolicyId: '658327ea-f89d-4fab-a63d-7e88639e58f6',
      ResponseHeadersPolicyId: expect.anything(),
    });
    expect(distribution).toMatchObject({ HttpVersion: 'http2and3', PriceClass: 'PriceClass_200' });
  });
});

describe('web stack with a domain, global partition', () => {
  it('serves the admin at the domain with the us-east-1 certificate, and names api.<domain> in the CSP', {
    timeout: SYNTH_TIMEOUT,
  }, () => {
    const { stacks, template, assembly } = synthApp(GLOBAL_FULL);
    const web = template(stacks.web);
    const config = (Object.values(web.findResources('AWS::CloudFront::Distribution'))[0] as Resource)
      .Properties.DistributionConfig as Record<string, unknown>;
    expect(config.Aliases).toEqual([GLOBAL_FULL.domainName]);
    expect(config.ViewerCertificate).toEqual({
      AcmCertificateArn: GLOBAL_FULL.certificateArn,
      MinimumProtocolVersion: 'TLSv1.2_2021',
      SslSupportMethod: 'sni-only',
    });
    const csp = rendered(stacks.web.resolve(stacks.web.contentSecurityPolicy), GLOBAL.region);
    expect(csp).toContain(
      `connect-src 'self' https://api.${GLOBAL_FULL.domainName} https://*.s3.ap-southeast-1.amazonaws.com;`,
    );
    expect(stacks.web.siteUrl).toBe(`https://${GLOBAL_FULL.domainName}`);
    expect(stagedFiles(assembly, 'config.json').map((c) => JSON.parse(c) as unknown)).toEqual([
      { apiBaseUrl: `https://api.${GLOBAL_FULL.domainName}`, dev: false },
    ]);
  });
});

describe('web content stack', () => {
  let synth: ReturnType<typeof synthApp>;
  beforeAll(() => {
    synth = synthApp();
  }, SYNTH_TIMEOUT);

  it('refuses to synthesize without the admin it was pointed at, saying how to build it', () => {
    const app = new App({
      context: { region: 'ap-southeast-1', 'aws:cdk:bundling-stacks': [], webDist: '/nonexistent/web/dist' },
    });
    expect(() => addStacks(app, readConfig(app))).toThrow(/run `npm run build:web` first/);
  });

  it('tells the admin where the API is, and nothing about sign-in', () => {
    const [config, ...more] = stagedFiles(synth.assembly, 'config.json');
    expect(more).toEqual([]);
    const parsed = JSON.parse(config ?? '{}') as Record<string, unknown>;
    expect(Object.keys(parsed).sort()).toEqual(['apiBaseUrl', 'dev']);
    expect(parsed.dev).toBe(false);
    // Filled in at deploy time with the API's URL (a marker the upload function replaces).
    expect(parsed.apiBaseUrl).toMatch(/^<<marker:0x[0-9a-f]+:0>>$/);
    const deployments = Object.values(
      synth.template(synth.stacks.content).findResources('Custom::CDKBucketDeployment'),
    ).map((d) => JSON.stringify((d as Resource).Properties));
    expect(deployments.filter((d) => d.includes('ApiEndpoint'))).toHaveLength(1);
  });

  it('serves index.html as built: the security headers come from CloudFront outside China', () => {
    const [index] = stagedFiles(synth.assembly, 'index.html');
    expect(index).not.toContain('Content-Security-Policy');
  });

  it('deploys hashed assets with a year of caching, then the entry files and config.json uncached', () => {
    const { stacks, template } = synth;
    const deployments = Object.values(
      template(stacks.content).findResources('Custom::CDKBucketDeployment'),
    ).map((d) => (d as Resource).Properties);
    expect(deployments).toHaveLength(2);
    expect(deployments).toContainEqual(
      expect.objectContaining({
        DestinationBucketKeyPrefix: 'assets/',
        SystemMetadata: { 'cache-control': 'public, max-age=31536000, immutable' },
      }),
    );
    expect(deployments).toContainEqual(
      expect.objectContaining({ SystemMetadata: { 'cache-control': 'no-cache' }, DistributionPaths: ['/*'] }),
    );
  });
});
