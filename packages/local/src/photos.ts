import { createHmac, timingSafeEqual } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { OpenAPIHono } from '@hono/zod-openapi';
import {
  ForbiddenError,
  NotFoundError,
  photoContentTypeOf,
  photoContentTypes,
  ValidationError,
} from '@xjf/domain';
import type { AppEnv, PhotoStore } from '@xjf/http';
import * as z from 'zod';

/** Local stand-ins for S3's presigned POST and GET: not in the OpenAPI document, like the dev sign-in. */
export const LOCAL_UPLOAD_PATH = '/api/dev/uploads';
const VIEW_PATH = '/api/dev/photos/';

/** What a local upload's signature fixes, as an S3 POST policy does. */
const policySchema = z.object({
  key: z.string(),
  contentType: z.enum(photoContentTypes),
  maxBytes: z.int(),
  expiresAt: z.iso.datetime(),
});

/**
 * Photos in a folder (`.data/uploads/` under `npm start`), behind the same contract as S3: the
 * API signs a form POST for one key, type and size limit, and signed, expiring view URLs; the
 * routes here check those signatures with the runtime's clock, so tests can let them expire.
 */
export function localPhotos(options: { dir: string; secret: string; clock: () => Date }) {
  const sign = (purpose: 'upload' | 'view', text: string) =>
    createHmac('sha256', options.secret).update(`photos:${purpose}:${text}`).digest('base64url');
  const verify = (purpose: 'upload' | 'view', text: string, signature: unknown) => {
    const expected = Buffer.from(sign(purpose, text));
    const given = Buffer.from(typeof signature === 'string' ? signature : '');
    return given.length === expected.length && timingSafeEqual(given, expected);
  };
  const fileOf = (key: string) => join(options.dir, ...key.split('/'));

  const store: PhotoStore = {
    async uploadTarget({ key, contentType, maxBytes, expiresAt }) {
      const policy = Buffer.from(
        JSON.stringify({ key, contentType, maxBytes, expiresAt: expiresAt.toISOString() }),
      ).toString('base64url');
      return {
        url: LOCAL_UPLOAD_PATH,
        method: 'POST',
        fields: { key, 'Content-Type': contentType, policy, signature: sign('upload', policy) },
      };
    },
    async viewUrl(key, _now, expiresAt) {
      const expires = String(expiresAt.getTime());
      const query = new URLSearchParams({ expires, signature: sign('view', `${key}:${expires}`) });
      return `${VIEW_PATH}${key}?${query}`;
    },
  };

  /** The two routes go first on the local server, ahead of the API's 1 MB body limit. */
  function mount(app: OpenAPIHono<AppEnv>) {
    app.post(LOCAL_UPLOAD_PATH, async (c) => {
      const form = await c.req.formData().catch(() => {
        throw new ValidationError('请以表单上传图片 (send the photo as a form)');
      });
      const policyText = form.get('policy');
      if (typeof policyText !== 'string' || !verify('upload', policyText, form.get('signature')))
        throw new ForbiddenError('上传签名无效 (invalid upload signature)', 'invalid_signature');
      const policy = policySchema.parse(JSON.parse(Buffer.from(policyText, 'base64url').toString()));
      if (options.clock() > new Date(policy.expiresAt))
        throw new ForbiddenError('上传链接已过期，请重新上传 (the upload link expired)', 'upload_expired');
      if (form.get('key') !== policy.key || form.get('Content-Type') !== policy.contentType)
        throw new ForbiddenError('与上传签名不符 (does not match the upload signature)', 'upload_mismatch');
      const file = form.get('file');
      if (!(file instanceof File) || file.size === 0)
        throw new ValidationError('没有图片 (no file)', { file: '请选择图片' });
      if (file.size > policy.maxBytes)
        throw new ValidationError(
          '图片太大 (photo too large)',
          { file: `最大 ${policy.maxBytes} 字节` },
          'too_large',
        );
      const path = fileOf(policy.key);
      await mkdir(dirname(path), { recursive: true });
      await writeFile(path, Buffer.from(await file.arrayBuffer()));
      // What S3 answers a presigned POST by default.
      return c.body(null, 204);
    });

    app.get(`${VIEW_PATH}*`, async (c) => {
      const key = c.req.path.slice(VIEW_PATH.length);
      const contentType = photoContentTypeOf(key);
      const expires = c.req.query('expires') ?? '';
      if (!contentType || !verify('view', `${key}:${expires}`, c.req.query('signature')))
        throw new ForbiddenError('图片链接无效 (invalid photo link)', 'invalid_signature');
      if (options.clock().getTime() > Number(expires))
        throw new ForbiddenError('图片链接已过期 (the photo link expired)', 'link_expired');
      const bytes = await readFile(fileOf(key)).catch(() => {
        throw new NotFoundError('图片 (photo)');
      });
      return c.body(bytes, 200, { 'content-type': contentType, 'cache-control': 'private, max-age=900' });
    });
  }

  return { store, mount };
}
