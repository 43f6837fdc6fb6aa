import { api, call, newIdempotencyKey, type Schemas } from '../../lib/api';

export type PhotoPurpose = Schemas['UploadRequest']['purpose'];
type ContentType = Schemas['UploadRequest']['contentType'];

export const PHOTO_TYPES: readonly string[] = ['image/jpeg', 'image/png', 'image/webp'];
/** The API's cap (packages/domain/src/photos/schemas.ts), checked here first to spare the upload. */
export const MAX_PHOTO_BYTES = 5 * 1024 * 1024;

/** Asks the API for a signed slot, then sends the file straight to the store (S3, or the local folder). */
export async function uploadPhoto(villageId: string, purpose: PhotoPurpose, file: File): Promise<string> {
  const slot = await call(
    api().POST('/api/villages/{villageId}/uploads', {
      params: { path: { villageId }, header: { 'idempotency-key': newIdempotencyKey() } },
      body: { purpose, contentType: file.type as ContentType, size: file.size },
    }),
  );
  const form = new FormData();
  for (const [name, value] of Object.entries(slot.upload.fields)) form.append(name, value);
  // S3 reads the fields first: the file must come last.
  form.append('file', file);
  const res = await fetch(slot.upload.url, { method: slot.upload.method, body: form });
  if (!res.ok) throw new Error(`upload failed: HTTP ${res.status}`);
  return slot.photoKey;
}
