import type { PhotoContentType, UploadTarget } from '@xjf/domain';

/** How long a signed upload or view URL works: a photo is sent right away, a page is read for minutes. */
export const PHOTO_URL_SECONDS = 15 * 60;

/**
 * Where photos are kept: a private S3 bucket in AWS (functions/api/src/aws/s3-photo-store.ts),
 * a folder in the local runtime (packages/local/src/photos.ts). Neither hands out anything but
 * signed, expiring URLs; the browser sends and fetches the bytes itself, never through the API.
 */
export interface PhotoStore {
  /** A form POST that stores exactly `key`, of `contentType`, up to `maxBytes`, until `expiresAt`. */
  uploadTarget(upload: {
    key: string;
    contentType: PhotoContentType;
    maxBytes: number;
    now: Date;
    expiresAt: Date;
  }): Promise<UploadTarget>;
  /** A URL that shows the photo until `expiresAt`. */
  viewUrl(key: string, now: Date, expiresAt: Date): Promise<string>;
}

/** Short-lived view URLs for stored photo keys, in the same order. */
export function viewUrls(photos: PhotoStore, keys: readonly string[], now: Date): Promise<string[]> {
  const expiresAt = new Date(now.getTime() + PHOTO_URL_SECONDS * 1000);
  return Promise.all(keys.map((key) => photos.viewUrl(key, now, expiresAt)));
}
