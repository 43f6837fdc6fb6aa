import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RuntimeConfig } from '@xjf/domain';
import { DefaultStackSynthesizer, Duration, Stack, type StackProps, Token, Validations } from 'aws-cdk-lib';
import type { CfnFunction } from 'aws-cdk-lib/aws-lambda';
import type { CfnBucket } from 'aws-cdk-lib/aws-s3';
import * as s3deploy from 'aws-cdk-lib/aws-s3-deployment';
import type { Construct } from 'constructs';
import { ConfigError } from './config';
import type { WebStack } from './web';

export interface WebContentStackProps extends StackProps {
  readonly web: WebStack;
  /** The built admin (or infra/placeholder-admin); must exist when the app is synthesized. */
  readonly webDist: string;
  readonly config: RuntimeConfig;
  /** CDK's upload function is arm64 by construction; x86_64 overrides it with ours. */
  readonly lambdaArchitecture: 'arm64' | 'x86_64';
}

/** Uploads the built admin and writes its `config.json` with the deployed API's URL. */
export class WebContentStack extends Stack {
  constructor(scope: Construct, id: string, props: WebContentStackProps) {
    super(scope, id, props);
    for (const required of ['index.html', 'assets'])
      if (!existsSync(join(props.webDist, required)))
        throw new ConfigError(
          `${join(props.webDist, required)} is missing: run \`npm run build:web\` first.`,
        );
    const { bucket, distribution, uploaderRole, uploaderLogs } = props.web;
    const handler = { role: uploaderRole, logGroup: uploaderLogs, memoryLimit: 512 };

    // Vite's hashed files, cached for a year. Never pruned: an open tab may still lazy-load an
    // older chunk after a deploy.
    const assets = new s3deploy.BucketDeployment(this, 'Assets', {
      sources: [s3deploy.Source.asset(join(props.webDist, 'assets'))],
      destinationBucket: bucket,
      destinationKeyPrefix: 'assets/',
      prune: false,
      cacheControl: [
        s3deploy.CacheControl.setPublic(),
        s3deploy.CacheControl.maxAge(Duration.days(365)),
        s3deploy.CacheControl.immutable(),
      ],
      ...handler,
    });
    // Then index.html, config.json and the other unhashed files, revalidated on every load so a
    // deploy shows at once. After the assets, so index.html never names a chunk not yet uploaded.
    // In China, where CloudFront sends no security headers (infra/web.ts), index.html carries the
    // CSP itself as a <meta> tag.
    const own = props.web.cspInIndexHtml ? ['assets', 'index.html'] : ['assets'];
    const rest = readdirSync(props.webDist).filter((name) => !own.includes(name));
    const entry = new s3deploy.BucketDeployment(this, 'Entry', {
      sources: [
        ...(rest.length > 0 ? [s3deploy.Source.asset(props.webDist, { exclude: own })] : []),
        ...(props.web.cspInIndexHtml
          ? [
              s3deploy.Source.data(
                'index.html',
                withCspMeta(
                  readFileSync(join(props.webDist, 'index.html'), 'utf8'),
                  props.web.contentSecurityPolicy,
                ),
              ),
            ]
          : []),
        s3deploy.Source.jsonData('config.json', props.config),
      ],
      destinationBucket: bucket,
      prune: false,
      cacheControl: [s3deploy.CacheControl.noCache()],
      distribution,
      distributionPaths: ['/*'],
      ...handler,
    });
    entry.node.addDependency(assets);
    this.acknowledgeUploader(props.web);
    if (props.lambdaArchitecture !== 'arm64')
      // BucketDeployment hard-codes arm64; its AWS CLI layer is pure Python and runs on either.
      for (const child of this.node.children)
        if (child.node.id.startsWith('Custom::CDKBucketDeployment'))
          (child.node.defaultChild as CfnFunction).architectures = [props.lambdaArchitecture];
  }

  /** The findings on CDK's own upload function, which we cannot narrow without forking it. */
  private acknowledgeUploader(web: WebStack): void {
    const grants = 'BucketDeployment grants these to run `aws s3 sync`';
    const site = `<${Stack.of(web).resolve((web.bucket.node.defaultChild as CfnBucket).logicalId)}.Arn>/*`;
    const account = Token.isUnresolved(this.account) ? '<AWS::AccountId>' : this.account;
    const staging = `arn:${this.partition}:s3:::cdk-${DefaultStackSynthesizer.DEFAULT_QUALIFIER}-assets-${account}-${this.region}/*`;
    Validations.of(web.uploaderRole).acknowledge(
      ...['s3:GetObject*', 's3:GetBucket*', 's3:List*'].map((action) => ({
        id: `AwsSolutions-IAM5[Action::${action}]`,
        reason: `${grants}: reading the zipped build from the CDK asset bucket and comparing with the site bucket.`,
      })),
      ...['s3:DeleteObject*', 's3:Abort*'].map((action) => ({
        id: `AwsSolutions-IAM5[Action::${action}]`,
        reason: `${grants}: replacing objects and cleaning up failed multipart uploads in the site bucket only.`,
      })),
      {
        id: `AwsSolutions-IAM5[Resource::${site}]`,
        reason: 'The uploader writes any object of the site bucket: that is its whole job.',
      },
      {
        id: `AwsSolutions-IAM5[Resource::${staging}]`,
        reason:
          'Read access to the CDK asset bucket, where the build is staged as a zip whose key is a content hash.',
      },
      {
        id: 'AwsSolutions-IAM5[Resource::*]',
        reason:
          'BucketDeployment grants cloudfront:CreateInvalidation and GetInvalidation on *; they touch no data.',
      },
    );
    for (const child of this.node.children)
      if (child.node.id.startsWith('Custom::CDKBucketDeployment'))
        Validations.of(child).acknowledge({
          id: 'AwsSolutions-L1',
          reason:
            "The upload function's Python runtime is pinned by aws-cdk-lib and moves with it; it runs only during deploys.",
        });
  }
}

/**
 * index.html with the CSP as `<meta http-equiv>` and the referrer policy as `<meta name>`, first
 * in its head. A meta CSP cannot carry frame-ancestors (browsers ignore it there), and HSTS,
 * X-Frame-Options and nosniff exist only as headers: infra/README.md lists what China lacks.
 */
export function withCspMeta(html: string, contentSecurityPolicy: string): string {
  const policy = contentSecurityPolicy
    .split('; ')
    .filter((directive) => !directive.startsWith('frame-ancestors'))
    .join('; ');
  const tags = `<meta http-equiv="Content-Security-Policy" content="${policy}" /><meta name="referrer" content="strict-origin-when-cross-origin" />`;
  const head = /<head(\s[^>]*)?>/i.exec(html);
  if (head) return html.replace(head[0], `${head[0]}${tags}`);
  // No <head> tag: the parser opens the head for a meta that comes first.
  const doctype = /^\s*<!doctype html>/i.exec(html);
  return doctype ? html.replace(doctype[0], `${doctype[0]}${tags}`) : `${tags}${html}`;
}
