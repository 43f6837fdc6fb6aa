import { randomBytes, randomInt, type ScryptOptions, scrypt, timingSafeEqual } from 'node:crypto';

/**
 * scrypt with N = 2^15, r = 8, p = 1 (RFC 7914; OWASP's minimum is N = 2^17 with p = 1 or
 * N = 2^15 with more memory: 32 MiB here, about 60 ms on one Lambda vCPU), a 16-byte salt and a
 * 32-byte key. The parameters travel with each hash, so raising them later re-hashes nothing.
 */
export const SCRYPT = { N: 2 ** 15, r: 8, p: 1, keyLength: 32, saltBytes: 16 } as const;

function derive(
  password: string,
  salt: Buffer,
  params: { N: number; r: number; p: number },
  keyLength: number,
) {
  const options: ScryptOptions = { ...params, maxmem: 128 * params.N * params.r * 2 };
  return new Promise<Buffer>((resolve, reject) =>
    scrypt(password.normalize('NFKC'), salt, keyLength, options, (error, key) =>
      error ? reject(error) : resolve(key),
    ),
  );
}

/** `scrypt$N$r$p$salt$key`, salt and key in base64url. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(SCRYPT.saltBytes);
  const key = await derive(password, salt, SCRYPT, SCRYPT.keyLength);
  return ['scrypt', SCRYPT.N, SCRYPT.r, SCRYPT.p, salt.toString('base64url'), key.toString('base64url')].join(
    '$',
  );
}

/** A hash nobody's password matches, checked when the username is unknown so both take the same time. */
export const UNKNOWN_USER_HASH = `scrypt$${SCRYPT.N}$${SCRYPT.r}$${SCRYPT.p}$${Buffer.alloc(16).toString('base64url')}$${Buffer.alloc(32).toString('base64url')}`;

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, key] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !key) return false;
  const expected = Buffer.from(key, 'base64url');
  const actual = await derive(
    password,
    Buffer.from(salt, 'base64url'),
    { N: Number(n), r: Number(r), p: Number(p) },
    expected.length,
  );
  return timingSafeEqual(actual, expected);
}

const LOWER = 'abcdefghjkmnpqrstuvwxyz';
const UPPER = 'ABCDEFGHJKLMNPQRSTUVWXYZ';
const DIGITS = '23456789';
const pick = (set: string) => set[randomInt(set.length)];

/**
 * A one-time password an admin reads out to the new user in person (village staff often have no
 * email): 12 characters in three groups without look-alike characters; changed at first sign-in.
 */
export function temporaryPassword(): string {
  const group = () => `${pick(UPPER)}${pick(LOWER)}${pick(DIGITS)}${pick(LOWER)}`;
  return `${group()}-${group()}-${group()}`;
}

const RECOVERY = 'abcdefghjkmnpqrstuvwxyz23456789';
/** Ten single-use codes of 8 characters (about 39 bits each) for when the authenticator is lost. */
export function recoveryCodes(count = 10): string[] {
  const part = () => Array.from({ length: 4 }, () => pick(RECOVERY)).join('');
  return Array.from({ length: count }, () => `${part()}-${part()}`);
}
