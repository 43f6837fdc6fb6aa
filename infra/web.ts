import { CfnOutput, Duration, Stack, type StackProps, Validations } from 'aws-cdk-lib';
import * as acm from 'aws-cdk-lib/aws-certificatemanager';
import * as cloudfront from 'aws-cdk-lib/aws-cloudfront';
import * as origins from 'aws-cdk-lib/aws-cloudfront-origins';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as s3 from 'aws-cdk-lib/aws-s3';
import type { Construct } from 'constructs';
import { type CustomDomain, partitionOf } from './config';

export interface WebStackProps extends StackProps {
  /** Required in China (checked by readConfig); without it the global partition serves *.cloudfront.net. */
  readonly domain: CustomDomain | undefined;
}

/** TLS for viewers: TLS 1.2 with the 2021 ciphers, in both partitions. */
const MINIMUM_PROTOCOL = cloudfront.SecurityPolicyProtocol.TLS_V1_2_2021;

/**
 * Where the admin is served. It comes before the API (whose CORS names its origin) and must not
 * depend on it; its content is deployed last, by WebContentStack.
 *
 * Two shapes, one code path each, chosen by the partition:
 * - global: origin access control (AWS's recommended successor of OAI), a managed cache policy,
 *   a response headers policy with the security headers, an ACM certificate from us-east-1 when
 *   a domain is set;
 * - China (aws-cn): what CloudFront there offers (CHINA.md): an origin access identity (no OAC),
 *   legacy forwarded values and TTLs (CachePolicyId is refused: aws-cdk issue 31033), an IAM
 *   server certificate and the ICP-filed alias, no price class, no CloudFront Functions, and no
 *   response headers policy (unverified there; the CSP goes into index.html instead, see
 *   WebContentStack and infra/README.md).
 */
export class WebStack extends Stack {
  readonly bucket: s3.Bucket;
  readonly distribution: cloudfront.Distribution;
  /** https://host, no trailing slash. */
  readonly siteUrl: string;
  /** The API's exact origin with a domain; otherwise any execute-api host of the region. */
  readonly apiOrigin: string;
  /** The admin's Content-Security-Policy (sent as a header in the global partition). */
  readonly contentSecurityPolicy: string;
  /** China: no response headers policy, so WebContentStack writes the CSP into index.html. */
  readonly cspInIndexHtml: boolean;
  /**
   * The role of CDK's upload function (used by WebContentStack). It lives beside the bucket so
   * its grants name the bucket directly, not through a cross-stack reference.
   */
  readonly uploaderRole: iam.Role;
  readonly uploaderLogs: logs.LogGroup;

  constructor(scope: Construct, id: string, props: WebStackProps) {
    super(scope, id, props);
    const china = partitionOf(this.region) === 'aws-cn';
    const domain = props.domain;
    if (china && !domain)
      throw new Error('WebStack: the China regions need a domain (readConfig checks this)');

    const accessLogs = new s3.Bucket(this, 'AccessLogs', {
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      encryption: s3.BucketEncryption.S3_MANAGED,
      // CloudFront standard logs are written with ACLs.
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_PREFERRED,
      lifecycleRules: [{ expiration: Duration.days(180) }],
    });
    Validations.of(accessLogs).acknowledge({
      id: 'AwsSolutions-S1',
      reason: 'This is the access-log bucket itself; logging it would log its own log deliveries.',
    });

    this.bucket = new s3.Bucket(this, 'Site', {
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      minimumTLSVersion: 1.2,
      encryption: s3.BucketEncryption.S3_MANAGED,
      serverAccessLogsBucket: accessLogs,
      serverAccessLogsPrefix: 'site/',
    });

    // Every AWS host from the partition's suffix (amazonaws.com, amazonaws.com.cn). With a domain
    // the API has its own host (api.<domain>); without one, its default endpoint's id is not known
    // here (the API's CORS names this stack, so naming the API back would be a cycle).
    this.apiOrigin = domain
      ? `https://${domain.apiName}`
      : `https://*.execute-api.${this.region}.${this.urlSuffix}`;
    // Photos are shown from and sent to the photo bucket (infra/photos.ts) with presigned URLs.
    const photosOrigin = `https://*.s3.${this.region}.${this.urlSuffix}`;
    this.contentSecurityPolicy = csp(this.apiOrigin, photosOrigin);
    this.cspInIndexHtml = china;

    const origin = china
      ? // The only way to a private bucket in China: OAC does not exist there (F3006 says so).
        origins.S3BucketOrigin.withOriginAccessIdentity(this.bucket)
      : origins.S3BucketOrigin.withOriginAccessControl(this.bucket);
    this.distribution = new cloudfront.Distribution(this, 'Cdn', {
      comment: 'Xiaojifen admin',
      defaultRootObject: 'index.html',
      defaultBehavior: {
        origin,
        viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        compress: true,
        ...(china
          ? {}
          : { cachePolicy: cloudfront.CachePolicy.CACHING_OPTIMIZED, responseHeadersPolicy: this.headers() }),
      },
      // Client-side routes (/villages/…) are not objects: S3 answers 403 without ListBucket.
      errorResponses: [403, 404].map((httpStatus) => ({
        httpStatus,
        responseHttpStatus: 200,
        responsePagePath: '/index.html',
        ttl: Duration.seconds(0),
      })),
      enableLogging: true,
      logBucket: accessLogs,
      logFilePrefix: 'cloudfront/',
      ...(china
        ? {
            // HTTP/3 and IPv6 are not confirmed for CloudFront in China: HTTP/2 over IPv4 until a
            // deploy shows otherwise (infra/README.md). China's four edges have no price classes.
            httpVersion: cloudfront.HttpVersion.HTTP2,
            enableIpv6: false,
          }
        : {
            httpVersion: cloudfront.HttpVersion.HTTP2_AND_3,
            // Includes the Hong Kong, Taiwan, Japan and Singapore edges that serve mainland users.
            priceClass: cloudfront.PriceClass.PRICE_CLASS_200,
          }),
      ...(domain?.webCertificate.kind === 'acm'
        ? {
            domainNames: [domain.name],
            minimumProtocolVersion: MINIMUM_PROTOCOL,
            certificate: acm.Certificate.fromCertificateArn(
              this,
              'Certificate',
              domain.webCertificate.certificateArn,
            ),
          }
        : {}),
    });
    if (domain?.webCertificate.kind === 'iam')
      chinaEdge(this.distribution, domain.name, domain.webCertificate);
    this.siteUrl = `https://${domain ? domain.name : this.distribution.distributionDomainName}`;

    Validations.of(this.distribution).acknowledge(
      {
        id: 'AwsSolutions-CFR1',
        reason:
          'Serves only the static admin; all data sits behind the JWT-protected API. Geo blocking would lock out officials travelling or behind corporate VPN exits.',
      },
      {
        id: 'AwsSolutions-CFR2',
        reason: china
          ? 'WAF in the China regions is regional only and cannot be attached to CloudFront; the site is static files and the API is throttled per stage and per public route.'
          : 'Static files only. A CloudFront web ACL must live in us-east-1 and is not part of this slice; the API is throttled per stage and per public route.',
      },
    );
    if (china)
      Validations.of(this.distribution).acknowledge({
        id: 'AwsSolutions-CFR7',
        reason:
          'Origin access control does not exist in the China regions (CloudFormation has no AWS::CloudFront::OriginAccessControl there); an origin access identity is the private-bucket access CloudFront offers in China.',
      });
    if (!domain)
      Validations.of(this.distribution).acknowledge({
        id: 'AwsSolutions-CFR4',
        reason:
          'Without a custom domain the *.cloudfront.net certificate is used, which CloudFront pins to TLSv1; set domainName, certificateArn and apiCertificateArn to get TLSv1.2_2021.',
      });

    this.uploaderRole = new iam.Role(this, 'UploaderRole', {
      assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
    });
    this.uploaderLogs = new logs.LogGroup(this, 'UploaderLogs', { retention: logs.RetentionDays.ONE_MONTH });
    this.uploaderLogs.grantWrite(this.uploaderRole);

    new CfnOutput(this, 'SiteUrl', { value: this.siteUrl });
    if (domain)
      new CfnOutput(this, 'SiteDnsTarget', {
        value: this.distribution.distributionDomainName,
        description: `CNAME ${domain.name} to this`,
      });
  }

  /** Global partition only: the security headers on every response. */
  private headers(): cloudfront.ResponseHeadersPolicy {
    return new cloudfront.ResponseHeadersPolicy(this, 'Headers', {
      comment: 'Xiaojifen admin security headers',
      securityHeadersBehavior: {
        contentSecurityPolicy: { contentSecurityPolicy: this.contentSecurityPolicy, override: true },
        strictTransportSecurity: {
          accessControlMaxAge: Duration.days(730),
          includeSubdomains: true,
          override: true,
        },
        contentTypeOptions: { override: true },
        frameOptions: { frameOption: cloudfront.HeadersFrameOption.DENY, override: true },
        referrerPolicy: {
          referrerPolicy: cloudfront.HeadersReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN,
          override: true,
        },
        // The legacy XSS auditor causes more harm than good; CSP replaces it.
        xssProtection: { protection: false, override: true },
      },
    });
  }
}

/**
 * CloudFront in China, on the L1 (an escape hatch): the L2 takes ACM certificates only and always
 * sets a cache policy, which China refuses ("The parameter CachePolicyId can't be set for this
 * region", aws-cdk issues 13584 and 31033). The L1 properties are edited rather than overridden in
 * the raw template, so that cdk-nag checks what is deployed (CFR4 reads the viewer certificate).
 */
function chinaEdge(
  distribution: cloudfront.Distribution,
  alias: string,
  certificate: { readonly iamCertificateId: string },
): void {
  const cfn = distribution.node.defaultChild as cloudfront.CfnDistribution;
  const config = cfn.distributionConfig as cloudfront.CfnDistribution.DistributionConfigProperty;
  const behavior = config.defaultCacheBehavior as cloudfront.CfnDistribution.DefaultCacheBehaviorProperty;
  cfn.distributionConfig = {
    ...config,
    aliases: [alias],
    viewerCertificate: {
      iamCertificateId: certificate.iamCertificateId,
      sslSupportMethod: 'sni-only',
      minimumProtocolVersion: MINIMUM_PROTOCOL,
    },
    defaultCacheBehavior: {
      ...behavior,
      cachePolicyId: undefined,
      // What CACHING_OPTIMIZED does, the legacy way: no query strings, cookies or headers in the
      // key, and the origin's Cache-Control decides (WebContentStack: a year for hashed assets,
      // no-cache for index.html and config.json).
      forwardedValues: { queryString: false, cookies: { forward: 'none' } },
      minTtl: 0,
      defaultTtl: Duration.days(1).toSeconds(),
      maxTtl: Duration.days(365).toSeconds(),
    },
  };
}

/**
 * antd injects its CSS-in-JS at runtime, hence inline styles; scripts come only from the bundle.
 * Sign-in is the API's own (/api/auth/…), so the API is the only other origin called.
 */
function csp(apiOrigin: string, photosOrigin: string): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    `img-src 'self' data: blob: ${photosOrigin}`,
    "font-src 'self' data:",
    `connect-src 'self' ${apiOrigin} ${photosOrigin}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    'upgrade-insecure-requests',
  ].join('; ');
}
