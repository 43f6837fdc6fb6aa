import { CfnOutput, Duration, RemovalPolicy, Validations } from 'aws-cdk-lib';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';

export interface PhotoBucketProps {
  /** The admin's origin: the only one whose pages may send photos to the bucket. */
  readonly siteUrl: string;
}

/**
 * Evidence photos of point records and pictures of store items. Private: the browser sends and
 * fetches them only with URLs the API signs for one key and a few minutes (packages/http/src/photos.ts).
 * Part of the API stack, the only thing that signs for it; retained if that stack is ever deleted.
 */
export class PhotoBucket extends Construct {
  readonly bucket: s3.Bucket;

  constructor(scope: Construct, id: string, props: PhotoBucketProps) {
    super(scope, id);
    const accessLogs = new s3.Bucket(this, 'AccessLogs', {
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      encryption: s3.BucketEncryption.S3_MANAGED,
      lifecycleRules: [{ expiration: Duration.days(180) }],
    });
    Validations.of(accessLogs).acknowledge({
      id: 'AwsSolutions-S1',
      reason: 'This is the access-log bucket itself; logging it would log its own log deliveries.',
    });

    this.bucket = new s3.Bucket(this, 'Photos', {
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      minimumTLSVersion: 1.2,
      // S3-managed keys: a customer key would need kms grants on every presigned upload and view.
      encryption: s3.BucketEncryption.S3_MANAGED,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
      serverAccessLogsBucket: accessLogs,
      serverAccessLogsPrefix: 'photos/',
      // A form POST is one request; this only clears multipart leftovers should anything start one.
      lifecycleRules: [{ abortIncompleteMultipartUploadAfter: Duration.days(1) }],
      cors: [
        {
          allowedOrigins: [props.siteUrl],
          allowedMethods: [s3.HttpMethods.POST, s3.HttpMethods.GET],
          allowedHeaders: ['*'],
          maxAge: 7200,
        },
      ],
      // Evidence behind points already on the ledger: never deleted with the stack.
      removalPolicy: RemovalPolicy.RETAIN,
    });
    new CfnOutput(this, 'PhotoBucket', { value: this.bucket.bucketName });
  }
}
