import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { RuntimeConfig } from '@xjf/domain';
import { DefaultStackSynthesizer, Duration, Stack, type StackProps, Token, Validations } from 'aws-cdk-lib';
import type { CfnBucket } from 'aws-cdk-lib/aws-s3';
import * as s3deploy from 'aws-cdk-lib/aws-s3-deployment';
import type { Construct } from 'constructs';
import { ConfigError } from './config';
import type { WebStack } from './web';

export interface WebContentStackProps extends StackProps {
  readonly web: WebStack;
  /** The built admin; must exist when the app is synthesized. */
  readonly webDist: string;
  readonly config: RuntimeConfig;
}

/** Uploads the built admin and writes its `config.json` with the deployed API and sign-in. */
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
    const entry = new s3deploy.BucketDeployment(this, 'Entry', {
      sources: [
        s3deploy.Source.asset(props.webDist, { exclude: ['assets'] }),
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
