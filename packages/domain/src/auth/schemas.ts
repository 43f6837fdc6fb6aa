import * as z from 'zod';
import { phoneSchema, usernameSchema } from '../text';

/**
 * Passwords staff choose: long enough to resist guessing at 5 tries per 15 minutes, with letters
 * and digits; no other composition rules (NIST SP 800-63B), and at most 128 characters so the
 * hash's cost stays bounded.
 */
export const newPasswordSchema = z
  .string()
  .min(10, '密码至少 10 位 (at least 10 characters)')
  .max(128, '密码最多 128 位 (at most 128 characters)')
  .regex(/[A-Za-z]/, '密码须含字母 (must contain a letter)')
  .regex(/\d/, '密码须含数字 (must contain a digit)')
  .meta({ example: 'Lao-Wang-2026' });

/** A password being checked, never validated beyond its length: its rules may have changed since it was set. */
const passwordSchema = z.string().min(1).max(128);
const challengeSchema = z.string().min(1).max(4096);
export const totpCodeSchema = z
  .string()
  .trim()
  .regex(/^\d{6}$/, '请输入 6 位动态码 (a 6-digit code)')
  .meta({ example: '123456' });
export const recoveryCodeSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z2-9]{4}-[a-z2-9]{4}$/, '恢复码格式为 xxxx-xxxx (a recovery code looks like xxxx-xxxx)');
export const smsCodeSchema = z
  .string()
  .trim()
  .regex(/^\d{6}$/, '请输入 6 位短信验证码 (the 6-digit code from the SMS)')
  .meta({ example: '482913' });

export const passwordSignInSchema = z
  .strictObject({ username: usernameSchema, password: passwordSchema })
  .meta({ id: 'PasswordSignIn' });
export const passwordChallengeSchema = z
  .strictObject({ challenge: challengeSchema, newPassword: newPasswordSchema })
  .meta({ id: 'PasswordChallengeAnswer' });
export const passwordChangeSchema = z
  .strictObject({ currentPassword: passwordSchema, newPassword: newPasswordSchema })
  .meta({ id: 'PasswordChange' });
export const totpChallengeSchema = z
  .union([
    z.strictObject({ challenge: challengeSchema, code: totpCodeSchema }),
    z.strictObject({ challenge: challengeSchema, recoveryCode: recoveryCodeSchema }),
  ])
  .meta({ id: 'TotpChallengeAnswer' });
export const totpEnrolmentSchema = z
  .strictObject({ challenge: challengeSchema, code: totpCodeSchema })
  .meta({ id: 'TotpEnrolmentAnswer' });
export const smsCodeRequestSchema = z.strictObject({ mobile: phoneSchema }).meta({ id: 'SmsCodeRequest' });
export const smsSignInSchema = z
  .strictObject({ mobile: phoneSchema, code: smsCodeSchema })
  .meta({ id: 'SmsSignIn' });

/** What the admin keeps in memory; the refresh token travels only in its HttpOnly cookie. */
export const tokensSchema = z
  .object({
    tokenType: z.literal('Bearer'),
    accessToken: z.string(),
    idToken: z.string(),
    /** Seconds until both tokens expire: refresh a minute before. */
    expiresIn: z.int(),
  })
  .meta({ id: 'Tokens' });
export type Tokens = z.infer<typeof tokensSchema>;

/** A TOTP secret to put into an authenticator app, shown once during enrolment. */
export const totpSetupSchema = z
  .object({
    challenge: z.string(),
    secret: z.string().meta({ description: 'Base32, for typing into the app by hand' }),
    otpauthUri: z.string().meta({ description: 'otpauth://totp/…, for a QR code' }),
  })
  .meta({ id: 'TotpSetup' });

/**
 * Each step of a sign-in: done, or the next thing the person must do, with a short-lived
 * challenge that proves the steps before it.
 */
export const signInStepSchema = z
  .discriminatedUnion('status', [
    z.object({
      status: z.literal('signed_in'),
      tokens: tokensSchema,
      /** Shown once, when TOTP was just enrolled: each code signs in once without the app. */
      recoveryCodes: z.array(z.string()).optional(),
    }),
    z.object({ status: z.literal('password_change_required'), challenge: z.string() }),
    z.object({ status: z.literal('totp_required'), challenge: z.string() }),
    z.object({ status: z.literal('totp_enrolment_required'), setup: totpSetupSchema }),
  ])
  .meta({ id: 'SignInStep' });
export type SignInStep = z.infer<typeof signInStepSchema>;

export const smsCodeSentSchema = z
  .object({
    /** Always true, registered number or not: the answer never tells which. */
    accepted: z.literal(true),
    /** When the same number may ask again. */
    retryAfterSeconds: z.int(),
  })
  .meta({ id: 'SmsCodeSent' });

export const temporaryPasswordSchema = z
  .object({ temporaryPassword: z.string() })
  .meta({ id: 'TemporaryPassword' });

/** A user's own sign-in settings, for the account page. */
export const accountSecuritySchema = z
  .object({
    totpEnabled: z.boolean(),
    totpRequired: z.boolean(),
    recoveryCodesLeft: z.int(),
  })
  .meta({ id: 'AccountSecurity' });
