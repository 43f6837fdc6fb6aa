import {
  assertMayUpload,
  assertVillagePhotos,
  isVillagePhoto,
  MAX_PHOTO_BYTES,
  newPhotoKey,
  photoContentTypeOf,
  uploadRequestSchema,
} from '@xjf/domain';
import { describe, expect, it } from 'vitest';
import { s3PhotoStore } from '../../functions/api/src/aws/s3-photo-store';

const a = { countyId: '0000000000000001', villageId: '000000000000000a' };
const b = { countyId: '0000000000000001', villageId: '000000000000000b' };

describe('photo keys', () => {
  it('puts the tenant and purpose first and 160 random bits after', () => {
    const key = newPhotoKey(a, 'evidence', 'image/webp');
    expect(key).toMatch(/^photos\/0000000000000001\/000000000000000a\/evidence\/[0-9a-z]{32}\.webp$/);
    expect(newPhotoKey(a, 'evidence', 'image/webp')).not.toBe(key);
    expect(photoContentTypeOf(key)).toBe('image/webp');
    expect(photoContentTypeOf(newPhotoKey(a, 'item', 'image/jpeg'))).toBe('image/jpeg');
  });

  it("knows a village's photos of one purpose from everything else", () => {
    const evidence = newPhotoKey(a, 'evidence', 'image/png');
    expect(isVillagePhoto(evidence, a, 'evidence')).toBe(true);
    expect(isVillagePhoto(evidence, b, 'evidence')).toBe(false);
    expect(isVillagePhoto(evidence, a, 'item')).toBe(false);
    for (const forged of [
      `${evidence}/../x.png`,
      evidence.replace('.png', '.gif'),
      `photos/0000000000000001/000000000000000a/evidence/../../x/evidence/${'a'.repeat(32)}.png`,
      `${evidence.slice(0, -4)}x.png`,
    ]) {
      expect(isVillagePhoto(forged, a, 'evidence'), forged).toBe(false);
      expect(photoContentTypeOf(forged), forged).toBeUndefined();
    }
  });

  it('names each field that holds a photo not uploaded for this village', () => {
    const mine = newPhotoKey(a, 'evidence', 'image/jpeg');
    expect(() => assertVillagePhotos({ 'evidence.0': mine }, a, 'evidence')).not.toThrow();
    expect(() =>
      assertVillagePhotos(
        { 'evidence.0': mine, 'evidence.1': newPhotoKey(b, 'evidence', 'image/jpeg') },
        a,
        'evidence',
      ),
    ).toThrow(
      expect.objectContaining({ code: 'invalid_photo', fields: { 'evidence.1': expect.any(String) } }),
    );
  });

  it('lets recorders upload evidence and shelf keepers item photos', () => {
    expect(() => assertMayUpload('recorder', 'evidence')).not.toThrow();
    expect(() => assertMayUpload('village_admin', 'item')).not.toThrow();
    expect(() => assertMayUpload('store_clerk', 'item')).not.toThrow();
    expect(() => assertMayUpload('store_clerk', 'evidence')).toThrow(
      expect.objectContaining({ status: 403 }),
    );
    expect(() => assertMayUpload('recorder', 'item')).toThrow(expect.objectContaining({ status: 403 }));
  });

  it('asks for an image type and a size up to the cap', () => {
    const ok = { purpose: 'evidence', contentType: 'image/jpeg', size: MAX_PHOTO_BYTES };
    expect(uploadRequestSchema.safeParse(ok).success).toBe(true);
    expect(uploadRequestSchema.safeParse({ ...ok, size: MAX_PHOTO_BYTES + 1 }).success).toBe(false);
    expect(uploadRequestSchema.safeParse({ ...ok, size: 0 }).success).toBe(false);
    expect(uploadRequestSchema.safeParse({ ...ok, contentType: 'image/svg+xml' }).success).toBe(false);
  });
});

describe('the S3 photo store', () => {
  // Presigning is signing, not a call: fixed credentials are all it needs.
  process.env.AWS_ACCESS_KEY_ID = 'AKIAEXAMPLE';
  process.env.AWS_SECRET_ACCESS_KEY = 'example-secret';
  process.env.AWS_REGION = 'ap-southeast-1';
  const store = s3PhotoStore('xjf-photos-test');
  const now = new Date();
  const expiresAt = new Date(now.getTime() + 900_000);

  it('signs a POST policy that fixes the key, the type and the size', async () => {
    const key = newPhotoKey(a, 'evidence', 'image/jpeg');
    const target = await store.uploadTarget({
      key,
      contentType: 'image/jpeg',
      maxBytes: 1234,
      now,
      expiresAt,
    });
    expect(target.url).toBe('https://xjf-photos-test.s3.ap-southeast-1.amazonaws.com/');
    expect(target.fields).toMatchObject({ key, 'Content-Type': 'image/jpeg' });
    const policy = JSON.parse(Buffer.from(target.fields.Policy ?? '', 'base64').toString());
    expect(policy.conditions).toEqual(
      expect.arrayContaining([
        ['content-length-range', 1, 1234],
        ['eq', '$Content-Type', 'image/jpeg'],
        { key },
      ]),
    );
    expect(Date.parse(policy.expiration)).toBeLessThanOrEqual(expiresAt.getTime() + 1000);
  });

  it('signs a view URL for one key that expires', async () => {
    const key = newPhotoKey(a, 'item', 'image/png');
    const url = new URL(await store.viewUrl(key, now, expiresAt));
    expect(url.host).toBe('xjf-photos-test.s3.ap-southeast-1.amazonaws.com');
    expect(url.pathname).toBe(`/${key}`);
    expect(url.searchParams.get('X-Amz-Expires')).toBe('900');
  });
});
