import { Secret, TOTP } from 'otpauth';

const ISSUER = '小积分 Xiaojifen';

/** RFC 6238 as every authenticator app reads it: SHA-1, 6 digits, 30-second steps. */
const totpFor = (secret: string, label = '') =>
  new TOTP({
    issuer: ISSUER,
    label,
    algorithm: 'SHA1',
    digits: 6,
    period: 30,
    secret: Secret.fromBase32(secret),
  });

export function newTotpSecret(username: string) {
  const secret = new Secret({ size: 20 }).base32;
  return { secret, otpauthUri: totpFor(secret, username).toString() };
}

/**
 * The 30-second step a code belongs to, accepting one step either side for a phone's clock,
 * or undefined when it matches none. The caller refuses a step already used (no replay).
 */
export function totpStep(secret: string, code: string, now: Date): number | undefined {
  const delta = totpFor(secret).validate({ token: code, timestamp: now.getTime(), window: 1 });
  return delta === null ? undefined : Math.floor(now.getTime() / 30_000) + delta;
}

/** The code an authenticator shows at `now`: for tests and the demo only. */
export const totpCode = (secret: string, now: Date) => totpFor(secret).generate({ timestamp: now.getTime() });
