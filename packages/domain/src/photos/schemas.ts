import * as z from 'zod';
import { isoDateTime } from '../text';

/** Phone cameras save JPEG; PNG and WebP come from screenshots and shared pictures. */
export const photoContentTypes = ['image/jpeg', 'image/png', 'image/webp'] as const;
export type PhotoContentType = (typeof photoContentTypes)[number];

/** Large enough for a phone photo, small enough for a village's mobile data. */
export const MAX_PHOTO_BYTES = 5 * 1024 * 1024;

/** Evidence of a point record, or the picture of an item on the store's shelf. */
export const photoPurposes = ['evidence', 'item'] as const;
export type PhotoPurpose = (typeof photoPurposes)[number];

export const uploadRequestSchema = z
  .strictObject({
    purpose: z.enum(photoPurposes),
    contentType: z.enum(photoContentTypes, '只能上传 JPEG、PNG 或 WebP 图片 (JPEG, PNG or WebP only)'),
    /** Bytes; the upload's signature refuses a bigger file. */
    size: z
      .int()
      .min(1)
      .max(MAX_PHOTO_BYTES, `图片不能超过 ${MAX_PHOTO_BYTES / 1024 / 1024} MB (photo too large)`),
  })
  .meta({ id: 'UploadRequest' });
export type UploadRequest = z.infer<typeof uploadRequestSchema>;

/** Where the browser sends the file: a form POST of `fields`, then the file as `file`. */
export const uploadTargetSchema = z
  .object({
    url: z.string(),
    method: z.literal('POST'),
    fields: z.record(z.string(), z.string()),
  })
  .meta({ id: 'UploadTarget' });
export type UploadTarget = z.infer<typeof uploadTargetSchema>;

export const uploadSlotSchema = z
  .object({
    /** Name the photo by this key in the record or item once the upload has succeeded. */
    photoKey: z.string(),
    upload: uploadTargetSchema,
    expiresAt: isoDateTime,
  })
  .meta({ id: 'UploadSlot' });
export type UploadSlot = z.infer<typeof uploadSlotSchema>;

export const photoKeySchema = z.string().max(200).meta({
  example: 'photos/7k2m9q4x8c1v5b3n/8c1v5b3n7k2m9q4x/evidence/3n7k2m9q4x8c1v5b8c1v5b3n7k2m9q4x.jpg',
});
