import type { PhotoStore } from '@xjf/http';

/**
 * Photos in a private S3 bucket (infra/photos.ts). Nothing here calls S3: presigning is local
 * signing with the function's credentials, so the grant is s3:PutObject (the upload form) and
 * s3:GetObject (the view URLs) on the bucket's objects and nothing else. The SDK modules are
 * loaded on the first photo an instance signs, not at cold start: most requests show none.
 */
export function s3PhotoStore(bucket: string): PhotoStore {
  let client: Promise<import('@aws-sdk/client-s3').S3Client> | undefined;
  const s3 = () => {
    client ??= import('@aws-sdk/client-s3').then(({ S3Client }) => new S3Client({}));
    return client;
  };
  const seconds = (now: Date, expiresAt: Date) => Math.ceil((expiresAt.getTime() - now.getTime()) / 1000);

  return {
    async uploadTarget({ key, contentType, maxBytes, now, expiresAt }) {
      const { createPresignedPost } = await import('@aws-sdk/s3-presigned-post');
      // The policy fixes the key, the type and the size: S3 itself refuses anything else.
      const { url, fields } = await createPresignedPost(await s3(), {
        Bucket: bucket,
        Key: key,
        Conditions: [
          ['content-length-range', 1, maxBytes],
          ['eq', '$Content-Type', contentType],
        ],
        Fields: { 'Content-Type': contentType },
        Expires: seconds(now, expiresAt),
      });
      return { url, method: 'POST', fields };
    },
    async viewUrl(key, now, expiresAt) {
      const [{ GetObjectCommand }, { getSignedUrl }] = await Promise.all([
        import('@aws-sdk/client-s3'),
        import('@aws-sdk/s3-request-presigner'),
      ]);
      return getSignedUrl(await s3(), new GetObjectCommand({ Bucket: bucket, Key: key }), {
        expiresIn: seconds(now, expiresAt),
      });
    },
  };
}
