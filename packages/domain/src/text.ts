import * as z from 'zod';

// Control characters and bidi overrides never belong in a name shown on a public notice board.
// biome-ignore lint/suspicious/noControlCharactersInRegex: rejecting control characters is the point
const UNPRINTABLE = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

/** A human-entered name: trimmed, non-empty, bounded, printable. */
export const nameText = (max: number) =>
  z
    .string()
    .trim()
    .min(1, '不能为空 (required)')
    .max(max, `最多 ${max} 个字 (at most ${max} characters)`)
    .refine((s) => !UNPRINTABLE.test(s), '含有不可见字符 (contains control characters)');

export const optionalText = (max: number) => nameText(max).optional();

/** Mainland mobile number, as every villager and official gives it. */
export const phoneSchema = z
  .string()
  .trim()
  .regex(/^1[3-9]\d{9}$/, '请输入 11 位手机号 (an 11-digit mobile number)')
  .meta({ example: '13800138000' });

export const usernameSchema = z
  .string()
  .trim()
  .toLowerCase()
  // Or a mainland mobile number: how villagers are known, and sign in.
  .regex(
    /^([a-z][a-z0-9_.-]{2,31}|1\d{10})$/,
    '3–32 位小写字母、数字或 _ . -，以字母开头，或 11 位手机号 (3–32 lowercase letters, digits, _ . -, or a mobile number)',
  )
  .meta({ example: 'yinchuan.admin' });

export const isoDateTime = z.iso.datetime().meta({ example: '2026-05-31T08:00:00.000Z' });
