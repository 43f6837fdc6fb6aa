import { App } from 'aws-cdk-lib';
import { Match, type Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { readConfig } from '../../infra/config';
import { addStacks } from '../../infra/stacks';
import { synthApp } from './synth';

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
  });

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

  it('sends HSTS and a CSP that allows only the API and the sign-in origins to be called', () => {
    const security = headers.SecurityHeadersConfig as Record<string, Record<string, unknown>>;
    expect(security.StrictTransportSecurity).toMatchObject({
      AccessControlMaxAgeSec: 63072000,
      Override: true,
    });
    expect(security.FrameOptions).toMatchObject({ FrameOption: 'DENY' });
    const csp = JSON.stringify(security.ContentSecurityPolicy?.ContentSecurityPolicy);
    expect(csp).toContain("script-src 'self';");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toMatch(
      /connect-src 'self' https:\/\/\*\.execute-api\.ap-southeast-1\.amazonaws\.com https:\/\/xiaojifen-dev-/,
    );
    expect(csp).toContain('.auth.ap-southeast-1.amazoncognito.com');
    // Photos are sent to and shown from the photo bucket with presigned URLs.
    expect(csp).toContain("img-src 'self' data: blob: https://*.s3.ap-southeast-1.amazonaws.com;");
    expect(csp).toMatch(/connect-src [^;]* https:\/\/\*\.s3\.ap-southeast-1\.amazonaws\.com;/);
  });
});

describe('web content stack', () => {
  it('refuses to synthesize without a built admin, saying how to build it', () => {
    const app = new App({
      context: { region: 'ap-southeast-1', 'aws:cdk:bundling-stacks': [], webDist: '/nonexistent/web/dist' },
    });
    expect(() => addStacks(app, readConfig(app))).toThrow(/run `npm run build:web` first/);
  });

  it('deploys hashed assets with a year of caching, then the entry files and config.json uncached', () => {
    const { stacks, template } = synthApp();
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
