import { CfnOutput, Duration, Stack, type StackProps, Validations } from 'aws-cdk-lib';
import * as acm from 'aws-cdk-lib/aws-certificatemanager';
import * as cloudfront from 'aws-cdk-lib/aws-cloudfront';
import * as origins from 'aws-cdk-lib/aws-cloudfront-origins';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as s3 from 'aws-cdk-lib/aws-s3';
import type { Construct } from 'constructs';

export interface WebStackProps extends StackProps {
  readonly customDomain: { readonly domainName: string; readonly certificateArn: string } | undefined;
  /** Hosted sign-in origin: the admin exchanges its code for tokens there. */
  readonly signInOrigin: string;
}

/**
 * Where the admin is served. It comes first: sign-in (callback URL) and the API (CORS) need its
 * origin, so it must not depend on them. Its content is deployed later, by WebContentStack.
 */
export class WebStack extends Stack {
  readonly bucket: s3.Bucket;
  readonly distribution: cloudfront.Distribution;
  /** https://host, no trailing slash. */
  readonly siteUrl: string;
  /**
   * The role of CDK's upload function (used by WebContentStack). It lives beside the bucket so
   * its grants name the bucket directly, not through a cross-stack reference.
   */
  readonly uploaderRole: iam.Role;
  readonly uploaderLogs: logs.LogGroup;

  constructor(scope: Construct, id: string, props: WebStackProps) {
    super(scope, id, props);
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

    // The API's own URL would be a cycle (its CORS names this distribution); a custom API domain
    // would let the CSP name it exactly.
    const apiOrigin = `https://*.execute-api.${this.region}.amazonaws.com`;
    // Photos are shown from and sent to the photo bucket (infra/photos.ts) with presigned URLs.
    const photosOrigin = `https://*.s3.${this.region}.amazonaws.com`;
    const headers = new cloudfront.ResponseHeadersPolicy(this, 'Headers', {
      comment: 'Xiaojifen admin security headers',
      securityHeadersBehavior: {
        contentSecurityPolicy: {
          contentSecurityPolicy: csp(apiOrigin, props.signInOrigin, photosOrigin),
          override: true,
        },
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

    const domain = props.customDomain;
    this.distribution = new cloudfront.Distribution(this, 'Cdn', {
      comment: 'Xiaojifen admin',
      defaultRootObject: 'index.html',
      defaultBehavior: {
        origin: origins.S3BucketOrigin.withOriginAccessControl(this.bucket),
        viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        cachePolicy: cloudfront.CachePolicy.CACHING_OPTIMIZED,
        responseHeadersPolicy: headers,
        compress: true,
      },
      // Client-side routes (/villages/…) are not objects: S3 answers 403 without ListBucket.
      errorResponses: [403, 404].map((httpStatus) => ({
        httpStatus,
        responseHttpStatus: 200,
        responsePagePath: '/index.html',
        ttl: Duration.seconds(0),
      })),
      httpVersion: cloudfront.HttpVersion.HTTP2_AND_3,
      // Includes the Hong Kong, Taiwan, Japan and Singapore edges that serve mainland users.
      priceClass: cloudfront.PriceClass.PRICE_CLASS_200,
      enableLogging: true,
      logBucket: accessLogs,
      logFilePrefix: 'cloudfront/',
      ...(domain
        ? {
            domainNames: [domain.domainName],
            minimumProtocolVersion: cloudfront.SecurityPolicyProtocol.TLS_V1_2_2021,
            certificate: acm.Certificate.fromCertificateArn(this, 'Certificate', domain.certificateArn),
          }
        : {}),
    });
    this.siteUrl = `https://${domain ? domain.domainName : this.distribution.distributionDomainName}`;

    Validations.of(this.distribution).acknowledge(
      {
        id: 'AwsSolutions-CFR1',
        reason:
          'Serves only the static admin; all data sits behind the JWT-protected API. Geo blocking would lock out officials travelling or behind corporate VPN exits.',
      },
      {
        id: 'AwsSolutions-CFR2',
        reason:
          'Static files only. A CloudFront web ACL must live in us-east-1 and is not part of this slice; the API is throttled per stage and per public route.',
      },
    );
    if (!domain)
      Validations.of(this.distribution).acknowledge({
        id: 'AwsSolutions-CFR4',
        reason:
          'Without a custom domain the *.cloudfront.net certificate is used, which CloudFront pins to TLSv1; set domainName and certificateArn to get TLSv1.2_2021.',
      });

    this.uploaderRole = new iam.Role(this, 'UploaderRole', {
      assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
    });
    this.uploaderLogs = new logs.LogGroup(this, 'UploaderLogs', { retention: logs.RetentionDays.ONE_MONTH });
    this.uploaderLogs.grantWrite(this.uploaderRole);

    new CfnOutput(this, 'SiteUrl', { value: this.siteUrl });
  }
}

/** antd injects its CSS-in-JS at runtime, hence inline styles; scripts come only from the bundle. */
function csp(apiOrigin: string, signInOrigin: string, photosOrigin: string): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    `img-src 'self' data: blob: ${photosOrigin}`,
    "font-src 'self' data:",
    `connect-src 'self' ${apiOrigin} ${signInOrigin} ${photosOrigin}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    'upgrade-insecure-requests',
  ].join('; ');
}
