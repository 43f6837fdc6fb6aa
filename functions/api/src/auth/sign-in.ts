import { createHash } from 'node:crypto';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import {
  type Account,
  type Credential,
  clearFailures,
  type Db,
  hashPassword,
  readSignIn,
  recordFailure,
  recoveryCodes,
  startSession,
  tenantAuditEntry,
  UNKNOWN_USER_HASH,
  updateCredential,
  verifyPassword,
} from '@xjf/data';
import {
  ACCESS_TOKEN_SECONDS,
  type AuditAction,
  LockedError,
  lockSecondsLeft,
  type SignInStep,
  totpRequired,
  UnauthenticatedError,
  ValidationError,
} from '@xjf/domain';
import { claimsForUser, expiredChallenge, type Identity, newTotpSecret, totpStep } from '@xjf/http';

/** What every sign-in step works with: the table, the issuer, and the moment. */
export type SignInContext = { db: Db; identity: Identity; now: Date };
/** A step's answer, and the refresh token to set as a cookie when it signs the person in. */
export type StepResult = { step: SignInStep; refreshToken?: string };

const epoch = (now: Date) => Math.floor(now.getTime() / 1000);
export const sha256 = (text: string) => createHash('sha256').update(text).digest('base64url');

export const invalidCredentials = () =>
  new UnauthenticatedError('用户名或密码不正确 (wrong username or password)', 'invalid_credentials');
const invalidCode = () =>
  new UnauthenticatedError('验证码不正确或已过期 (wrong or expired code)', 'invalid_code');

/** Writes an entry in the log of the account's village, county or platform. */
export async function auditAccount(
  ctx: SignInContext,
  account: Account,
  action: AuditAction,
  options: { detail?: string; by?: { userId: string; name: string } } = {},
) {
  const entry = tenantAuditEntry(ctx.db, account, {
    action,
    at: ctx.now,
    by: options.by ?? { userId: account.id, name: account.name || account.username },
    detail: options.detail ?? account.username,
  });
  if (entry.Put) await ctx.db.doc.send(new PutCommand(entry.Put));
}

/** A wrong password or code: counted, and the fifth in a row locks (for unknown usernames too). */
async function failed(
  ctx: SignInContext,
  username: string,
  account: Account | undefined,
  error: Error,
): Promise<never> {
  const lock = await recordFailure(ctx.db, username, ctx.now);
  if (account) await auditAccount(ctx, account, lock > 0 ? 'account_locked' : 'sign_in_failed');
  throw lock > 0 ? new LockedError(lock) : error;
}

/** The account and credential a challenge was issued for, as long as nothing changed since. */
async function challenged(ctx: SignInContext, username: string, version: number) {
  const state = await readSignIn(ctx.db, username);
  const locked = lockSecondsLeft(state.failures, epoch(ctx.now));
  if (locked > 0) throw new LockedError(locked);
  if (!state.account || !state.credential || state.credential.version !== version) throw expiredChallenge();
  return { ...state, account: state.account, credential: state.credential };
}

/** Signed in: the session's tokens, its first refresh token, and a line in the audit log. */
export async function finish(ctx: SignInContext, account: Account, detail?: string): Promise<StepResult> {
  const [tokens, refreshToken] = await Promise.all([
    ctx.identity.tokens.session(claimsForUser(account), ctx.now, ACCESS_TOKEN_SECONDS),
    startSession(ctx.db, account, ctx.now),
    auditAccount(ctx, account, 'sign_in', { detail }),
  ]);
  return { step: { status: 'signed_in', tokens }, refreshToken };
}

/** What the person must do next: change a one-time password, prove or set up TOTP, or nothing. */
async function nextStep(
  ctx: SignInContext,
  account: Account,
  credential: Credential,
  totpProven = false,
): Promise<StepResult> {
  const { username, version } = credential;
  const challenge = (purpose: 'password_change' | 'totp') =>
    ctx.identity.tokens.challenge({ purpose, username, version }, ctx.now);
  if (credential.mustChangePassword)
    return { step: { status: 'password_change_required', challenge: await challenge('password_change') } };
  if (credential.totpSecret && !totpProven)
    return { step: { status: 'totp_required', challenge: await challenge('totp') } };
  if (!credential.totpSecret && totpRequired(account.role))
    return { step: await enrolmentStep(ctx, credential) };
  return finish(ctx, account, 'password');
}

export async function enrolmentStep(ctx: SignInContext, credential: Credential): Promise<SignInStep> {
  const { secret, otpauthUri } = newTotpSecret(credential.username);
  const challenge = await ctx.identity.tokens.challenge(
    {
      purpose: 'totp_enrolment',
      username: credential.username,
      version: credential.version,
      totpSecret: secret,
    },
    ctx.now,
  );
  return { status: 'totp_enrolment_required', setup: { challenge, secret, otpauthUri } };
}

/**
 * Username and password. An unknown username and a wrong password get the same answer after
 * the same scrypt work, and both count towards the lock, so nothing tells which it was.
 */
export async function passwordSignIn(ctx: SignInContext, username: string, password: string) {
  const { account, credential, failures } = await readSignIn(ctx.db, username);
  const locked = lockSecondsLeft(failures, epoch(ctx.now));
  if (locked > 0) throw new LockedError(locked);
  const matches = await verifyPassword(password, credential?.passwordHash ?? UNKNOWN_USER_HASH);
  if (!matches || !account || !credential?.passwordHash)
    return failed(ctx, username, account, invalidCredentials());
  if (failures) await clearFailures(ctx.db, username);
  return nextStep(ctx, account, credential);
}

/** The new password that replaces a one-time one (or an expired one). */
export async function answerPasswordChange(ctx: SignInContext, token: string, newPassword: string) {
  const challenge = await ctx.identity.challenge(token, 'password_change');
  const { account, credential } = await challenged(ctx, challenge.username, challenge.version);
  const changed = await setNewPassword(ctx, account, credential, newPassword);
  return nextStep(ctx, account, changed);
}

/** Sets a password the person chose, ending every earlier session; not the one it replaces. */
export async function setNewPassword(
  ctx: SignInContext,
  account: Account,
  credential: Credential,
  newPassword: string,
): Promise<Credential> {
  if (credential.passwordHash && (await verifyPassword(newPassword, credential.passwordHash)))
    throw new ValidationError(
      '新密码不能与原密码相同 (choose a password other than the current one)',
      { newPassword: '请换一个新密码 (choose another password)' },
      'password_reused',
    );
  const passwordHash = await hashPassword(newPassword);
  const set = { passwordHash, mustChangePassword: false, sessionsValidFrom: ctx.now.toISOString() };
  if (!(await updateCredential(ctx.db, credential.username, credential.version, { set })))
    throw expiredChallenge();
  await auditAccount(ctx, account, 'password_change');
  return { ...credential, ...set, version: credential.version + 1 };
}

/** A code from the authenticator app, or one of the recovery codes, as the second factor. */
export async function answerTotp(
  ctx: SignInContext,
  token: string,
  answer: { code: string } | { recoveryCode: string },
) {
  const challenge = await ctx.identity.challenge(token, 'totp');
  const { account, credential } = await challenged(ctx, challenge.username, challenge.version);
  const { username, version, totpSecret, totpLastStep } = credential;
  let accepted = false;
  if ('code' in answer) {
    const step = totpSecret ? totpStep(totpSecret, answer.code, ctx.now) : undefined;
    // A code already used (seen by someone over a shoulder) does not work a second time.
    if (step !== undefined && step > (totpLastStep ?? -1))
      accepted = await updateCredential(ctx.db, username, version, { set: { totpLastStep: step } });
  } else {
    accepted = await updateCredential(ctx.db, username, version, {
      deleteRecoveryCode: sha256(answer.recoveryCode),
    });
  }
  if (!accepted) return failed(ctx, username, account, invalidCode());
  const detail = 'code' in answer ? 'password+totp' : 'password+recovery code';
  return finish(ctx, account, detail);
}

/** The first code from a newly set-up authenticator: TOTP is on, and ten recovery codes are shown once. */
export async function completeTotpEnrolment(ctx: SignInContext, token: string, code: string) {
  const challenge = await ctx.identity.challenge(token, 'totp_enrolment');
  const { account, credential } = await challenged(ctx, challenge.username, challenge.version);
  const step = challenge.totpSecret ? totpStep(challenge.totpSecret, code, ctx.now) : undefined;
  if (step === undefined) return failed(ctx, credential.username, account, invalidCode());
  const codes = recoveryCodes();
  const enrolled = await updateCredential(ctx.db, credential.username, credential.version, {
    set: {
      totpSecret: challenge.totpSecret,
      totpLastStep: step,
      recoveryCodeHashes: new Set(codes.map(sha256)),
    },
  });
  if (!enrolled) throw expiredChallenge();
  await auditAccount(ctx, account, 'totp_enrol');
  const result = await finish(ctx, account, 'password+totp');
  return { ...result, step: { ...result.step, recoveryCodes: codes } as SignInStep };
}
