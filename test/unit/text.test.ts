import { nameText, phoneSchema, usernameSchema } from '@xjf/domain';
import { describe, expect, it } from 'vitest';
import * as z from 'zod';

describe('human-entered text', () => {
  it('trims names and keeps Chinese as typed', () => {
    expect(nameText(10).parse('  银川村 ')).toBe('银川村');
  });

  it('refuses empty, overlong and control-character names', () => {
    expect(nameText(10).safeParse('   ').success).toBe(false);
    expect(nameText(3).safeParse('银川村村').success).toBe(false);
    expect(nameText(10).safeParse('罗\u0000先和').success).toBe(false);
    expect(nameText(10).safeParse('罗\u202e先和').success).toBe(false);
  });

  it('accepts mainland mobile numbers only', () => {
    expect(phoneSchema.safeParse('13985710001').success).toBe(true);
    expect(phoneSchema.safeParse('12345678901').success).toBe(false);
    expect(phoneSchema.safeParse('1398571000').success).toBe(false);
  });

  it('normalizes usernames to lower case', () => {
    expect(usernameSchema.parse('YinChuan.Admin')).toBe('yinchuan.admin');
    expect(usernameSchema.safeParse('1admin').success).toBe(false);
  });
});

describe('validation messages', () => {
  it('read Chinese first, then English, when a schema gives none of its own', () => {
    const result = z.int().max(10).safeParse(11);
    expect(result.error?.issues[0]?.message).toMatch(/^数值过大.* \(Too big: expected number to be <=10\)$/);
  });
});
