import { readFileSync } from 'node:fs';
import { surfaceServices, surfaces } from '@xjf/api/routing';
import { Match, type Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { SYNTH_TIMEOUT, synthApp } from './synth';

type Resource = { Type: string; Properties: Record<string, unknown>; DeletionPolicy?: string };
type Statement = { Action: string | string[]; Resource: unknown; Effect: string; Condition?: unknown };

describe('photo bucket', () => {
  let api: Template;
  let bucketId: string;

  beforeAll(() => {
    const { stacks, template } = synthApp();
    api = template(stacks.api);
    const ids = Object.entries(api.findResources('AWS::S3::Bucket'))
      .filter(([, b]) => (b as Resource).Properties.CorsConfiguration)
      .map(([id]) => id);
    expect(ids).toHaveLength(1);
    bucketId = ids[0] ?? '';
  }, SYNTH_TIMEOUT);

  it('keeps photos private, encrypted, TLS-only, logged and retained', () => {
    const bucket = api.findResources('AWS::S3::Bucket')[bucketId] as Resource;
    expect(bucket.DeletionPolicy).toBe('Retain');
    expect(bucket.Properties).toMatchObject({
      PublicAccessBlockConfiguration: {
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      },
      BucketEncryption: {
        ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }],
      },
      LoggingConfiguration: { DestinationBucketName: expect.anything() },
      LifecycleConfiguration: {
        Rules: [expect.objectContaining({ AbortIncompleteMultipartUpload: { DaysAfterInitiation: 1 } })],
      },
    });
    api.hasResourceProperties('AWS::S3::BucketPolicy', {
      Bucket: { Ref: bucketId },
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
        ]),
      },
    });
  });

  it("lets only the admin's origin send and show photos cross-origin", () => {
    const bucket = api.findResources('AWS::S3::Bucket')[bucketId] as Resource;
    const cors = bucket.Properties.CorsConfiguration as {
      CorsRules: { AllowedOrigins: unknown[]; AllowedMethods: string[] }[];
    };
    expect(cors.CorsRules).toHaveLength(1);
    expect(cors.CorsRules[0]?.AllowedOrigins).toHaveLength(1);
    expect(JSON.stringify(cors.CorsRules[0]?.AllowedOrigins)).toMatch(/https:\/\/.*Cdn.*DomainName/);
    expect(cors.CorsRules[0]?.AllowedMethods.sort()).toEqual(['GET', 'POST']);
  });

  it('grants the surfaces that show photos exactly the S3 actions the photo store signs for, on the photos only', () => {
    const s3Statements = Object.values(api.findResources('AWS::IAM::Policy'))
      .flatMap((p) => ((p as Resource).Properties.PolicyDocument as { Statement: Statement[] }).Statement)
      .filter((s) => [s.Action].flat().some((a) => a.startsWith('s3:')));
    const users = surfaces.filter((s) => surfaceServices[s].includes('photos'));
    expect(users.sort()).toEqual(['points', 'store']);
    expect(s3Statements).toHaveLength(users.length);
    for (const statement of s3Statements) {
      expect([statement.Action].flat().sort()).toEqual(actionsThePhotoStoreUses());
      const resource = JSON.stringify(statement.Resource);
      expect(resource).toContain(`"${bucketId}","Arn"`);
      expect(resource).toContain('/photos/*');
    }
    const fns = Object.values(api.findResources('AWS::Lambda::Function')) as Resource[];
    const withBucket = fns.filter((fn) => JSON.stringify(fn.Properties.Environment).includes('PHOTO_BUCKET'));
    expect(withBucket.map((fn) => fn.Properties.Description).sort()).toEqual(
      users.map((s) => `Xiaojifen API: ${s} surface`).sort(),
    );
    for (const fn of withBucket)
      expect(fn.Properties.Environment).toMatchObject({ Variables: { PHOTO_BUCKET: { Ref: bucketId } } });
  });
});

/**
 * The IAM actions the S3 photo store needs, read from what it calls, so the grant cannot drift:
 * a presigned POST acts as PutObject, a presigned GetObjectCommand as GetObject.
 */
function actionsThePhotoStoreUses(): string[] {
  const source = readFileSync(
    new URL('../../functions/api/src/aws/s3-photo-store.ts', import.meta.url),
    'utf8',
  );
  const calls: Record<string, string> = {
    'createPresignedPost\\(': 's3:PutObject',
    'new GetObjectCommand\\(': 's3:GetObject',
    'new PutObjectCommand\\(': 's3:PutObject',
    'new DeleteObjectCommand\\(': 's3:DeleteObject',
    'new HeadObjectCommand\\(': 's3:GetObject',
    'new ListObjectsV2Command\\(': 's3:ListBucket',
  };
  const actions = new Set<string>();
  for (const [call, action] of Object.entries(calls)) if (new RegExp(call).test(source)) actions.add(action);
  return [...actions].sort();
}
