import { OpenAPIHono } from '@hono/zod-openapi';
import * as z from 'zod';
import { allowedRoles } from './auth';
import type { AppEnv } from './env';
import { errorSchema, validationFailed } from './errors';

/**
 * A router whose validation failures all become the same 400 body, and whose routes say in the
 * OpenAPI document (`x-roles`) which roles their `allow(...)` admits, so clients and the role
 * matrix test read them from one place.
 */
export const router = () => {
  const r = new OpenAPIHono<AppEnv>({
    defaultHook: (result) => {
      if (!result.success) throw validationFailed(result.error, result.target);
    },
  });
  const register = r.openapi;
  r.openapi = ((route, ...rest) => {
    const roles = allowedRoles(route.middleware);
    return register(roles ? { ...route, 'x-roles': roles } : route, ...rest);
  }) as typeof r.openapi;
  return r;
};

/** `required: true` makes a missing or non-JSON body a 400 instead of silently skipping validation. */
export const jsonBody = <T extends z.ZodType>(schema: T) => ({
  required: true,
  content: { 'application/json': { schema } },
});

export const json = <T extends z.ZodType>(schema: T, description: string) => ({
  description,
  content: { 'application/json': { schema } },
});

const error = (description: string) => json(errorSchema, description);

export const errors = {
  400: error('请求有误 (invalid request)'),
  401: error('未登录或令牌无效 (unauthenticated)'),
  403: error('角色不允许 (forbidden for this role)'),
  404: error('不存在或不属于你的范围 (not found in your scope)'),
  503: error('系统繁忙，请用同一 Idempotency-Key 重试 (busy: retry with the same key)'),
} as const;

export const conflict = { 409: error('冲突 (conflict)') } as const;

export const idempotencyHeader = z.object({
  'idempotency-key': z.string().meta({
    description: '客户端生成的唯一键；重试时原样重发 (a unique key; resend it unchanged on retry)',
    example: '5f0c6a0e-8c3b-4d57-9a4e-2f7b1c9d3e21',
  }),
});

export const pageQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(100).optional().meta({ example: 50 }),
  cursor: z.string().max(2048).optional(),
});

export const pageOf = <T extends z.ZodType>(item: T, id: string) =>
  z.object({ items: z.array(item), nextCursor: z.string().optional() }).meta({ id });

export const bearer = [{ bearer: [] }];
