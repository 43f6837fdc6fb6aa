import { createRoute } from '@hono/zod-openapi';
import { assertMayUpload, newPhotoKey, uploadRequestSchema, uploadSlotSchema } from '@xjf/domain';
import {
  actorOf,
  allow,
  bearer,
  type Deps,
  errors,
  idempotencyHeader,
  idempotent,
  json,
  jsonBody,
  PHOTO_URL_SECONDS,
  router,
  villageScopeOf,
} from '@xjf/http';
import { villageParams } from '../tenants/villages.routes';

const tags = ['图片 Photos'];

export function uploadsRoutes(deps: Deps) {
  const r = router();

  r.openapi(
    createRoute({
      method: 'post',
      path: '/villages/{villageId}/uploads',
      tags,
      summary:
        '申请上传一张图片（佐证照片或商品图）：返回签名的表单地址 A signed form to upload one photo (evidence or store item)',
      description:
        '浏览器把 `upload.fields` 连同文件（字段名 `file`）以表单 POST 到 `upload.url`；签名限定了 `photoKey`、类型和大小，过期作废。成功后在积分记录的 `evidence` 或商品的 `photoKey` 中引用 `photoKey`。 The browser POSTs `upload.fields` plus the file (as `file`) to `upload.url`; the signature fixes the key, type and size, and expires. Then name `photoKey` in a record’s `evidence` or an item’s `photoKey`.',
      security: bearer,
      middleware: [allow('recorder', 'village_admin', 'store_clerk', 'villager'), idempotent(deps)] as const,
      request: { params: villageParams, headers: idempotencyHeader, body: jsonBody(uploadRequestSchema) },
      responses: { 201: json(uploadSlotSchema, '上传地址'), ...errors },
    }),
    async (c) => {
      const actor = actorOf(c);
      const scope = await villageScopeOf(deps.db, actor, c.req.valid('param').villageId);
      const { purpose, contentType, size } = c.req.valid('json');
      assertMayUpload(actor.role, purpose);
      const now = deps.clock();
      const expiresAt = new Date(now.getTime() + PHOTO_URL_SECONDS * 1000);
      const photoKey = newPhotoKey(scope, purpose, contentType);
      // The declared size (at most the cap) goes into the signature: a bigger file is refused by the store.
      const upload = await deps.photos.uploadTarget({
        key: photoKey,
        contentType,
        maxBytes: size,
        now,
        expiresAt,
      });
      return c.json({ photoKey, upload, expiresAt: expiresAt.toISOString() }, 201);
    },
  );

  return r;
}
