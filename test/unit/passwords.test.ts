import {
  hashPassword,
  recoveryCodes,
  SCRYPT,
  temporaryPassword,
  UNKNOWN_USER_HASH,
  verifyPassword,
} from '@xjf/data';
import { newPasswordSchema, recoveryCodeSchema } from '@xjf/domain';
import { newTotpSecret, totpCode, totpStep } from '@xjf/http';
import { describe, expect, it } from 'vitest';

describe('password hashes', () => {
  it('use scrypt with N = 2^15, r = 8, p = 1, a 16-byte salt and a 32-byte key, stated in the hash', async () => {
    expect(SCRYPT).toEqual({ N: 32768, r: 8, p: 1, keyLength: 32, saltBytes: 16 });
    const hash = await hashPassword('Lao-Wang-2026');
    const [scheme, n, r, p, salt, key] = hash.split('$');
    expect([scheme, n, r, p]).toEqual(['scrypt', '32768', '8', '1']);
    expect(Buffer.from(salt ?? '', 'base64url')).toHaveLength(16);
    expect(Buffer.from(key ?? '', 'base64url')).toHaveLength(32);
  });

  it('verify the right password only, and salt each hash', async () => {
    const [a, b] = await Promise.all([hashPassword('Lao-Wang-2026'), hashPassword('Lao-Wang-2026')]);
    expect(a).not.toBe(b);
    expect(await verifyPassword('Lao-Wang-2026', a)).toBe(true);
    expect(await verifyPassword('lao-wang-2026', a)).toBe(false);
    expect(await verifyPassword('Lao-Wang-2026', 'md5$abc')).toBe(false);
    expect(await verifyPassword('', UNKNOWN_USER_HASH)).toBe(false);
  });

  it('still verify a hash made with other parameters (they travel with it)', async () => {
    const { scryptSync } = await import('node:crypto');
    const salt = Buffer.alloc(16, 7);
    const key = scryptSync('old-password-1', salt, 32, { N: 1024, r: 8, p: 1 });
    const old = `scrypt$1024$8$1$${salt.toString('base64url')}$${key.toString('base64url')}`;
    expect(await verifyPassword('old-password-1', old)).toBe(true);
  });
});

describe('generated secrets', () => {
  it('make one-time passwords that meet the password rules', () => {
    for (let i = 0; i < 50; i++) expect(newPasswordSchema.safeParse(temporaryPassword()).success).toBe(true);
  });

  it('make ten distinct recovery codes in the accepted format', () => {
    const codes = recoveryCodes();
    expect(new Set(codes).size).toBe(10);
    for (const code of codes) expect(recoveryCodeSchema.parse(code)).toBe(code);
  });

  it('refuse passwords that are short, all letters or all digits', () => {
    for (const weak of ['Ab1', 'abcdefghijk', '12345678901', 'x'.repeat(129)])
      expect(newPasswordSchema.safeParse(weak).success).toBe(false);
  });
});

describe('TOTP (RFC 6238)', () => {
  it('accepts the code of this step and of one step either side, not two', () => {
    const { secret, otpauthUri } = newTotpSecret('dafang.admin');
    expect(otpauthUri).toContain('dafang.admin');
    const now = new Date('2026-12-03T08:00:10Z');
    const step = Math.floor(now.getTime() / 30_000);
    const at = (steps: number) => new Date(now.getTime() + steps * 30_000);
    expect(totpStep(secret, totpCode(secret, now), now)).toBe(step);
    expect(totpStep(secret, totpCode(secret, at(-1)), now)).toBe(step - 1);
    expect(totpStep(secret, totpCode(secret, at(1)), now)).toBe(step + 1);
    expect(totpStep(secret, totpCode(secret, at(2)), now)).toBeUndefined();
  });

  it('matches the RFC 6238 test vector for SHA-1', () => {
    // RFC 6238 appendix B: secret "12345678901234567890", T = 59 s → 94287082 (8 digits); 6 digits → 287082.
    const secret = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';
    expect(totpCode(secret, new Date(59_000))).toBe('287082');
  });
});
