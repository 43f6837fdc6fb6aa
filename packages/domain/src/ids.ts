import * as z from 'zod';

// Crockford base32 without I, L, O, U: unambiguous when read aloud or typed from paper.
const ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz';
export const ID_LENGTH = 16;

function randomString(length: number, alphabet: string): string {
  // Web Crypto: the same in Node and the browser, so the admin can share these schemas.
  const bytes = globalThis.crypto.getRandomValues(new Uint8Array(length));
  let out = '';
  for (const byte of bytes) out += alphabet[byte % alphabet.length];
  return out;
}

/**
 * Every entity id has the same fixed length, so a key prefix built from one tenant's id can
 * never be a prefix of another tenant's keys (`C#abc` would match `C#abcd`; fixed length cannot).
 */
export const newId = (): string => randomString(ID_LENGTH, ALPHABET);

export const idSchema = z
  .string()
  .regex(new RegExp(`^[${ALPHABET}]{${ID_LENGTH}}$`), '无效的编号 (invalid id)')
  .meta({ example: '7k2m9q4x8c1v5b3n' });

const INVITE_ALPHABET = ALPHABET.toUpperCase();
export const INVITE_CODE_LENGTH = 10;

/** 50 bits of randomness: unguessable, yet short enough to read out over the phone. */
export const newInviteCode = (): string => randomString(INVITE_CODE_LENGTH, INVITE_ALPHABET);

export const inviteCodeSchema = z
  .string()
  .trim()
  .transform((code) => code.toUpperCase().replace(/[\s-]/g, ''))
  .pipe(z.string().regex(new RegExp(`^[${INVITE_ALPHABET}]{${INVITE_CODE_LENGTH}}$`), '邀请码格式不正确'))
  .meta({ example: 'K7M2Q9X4C1' });
