import { accountOfMobile, checkSmsCode, newSmsCode, spendRateLimits } from '@xjf/data';
import { maskMobile, SMS_LIMITS, UnauthenticatedError } from '@xjf/domain';
import { finish, type SignInContext } from './sign-in';

/** How long sends have been taking lately: an unregistered number waits as long, so timing tells nothing. */
let typicalSendMs = 150;
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Sends a villager a sign-in code. Every number gets the same answer, registered or not, after
 * about the same time; per-number and per-source limits stop floods of texts and guessing.
 */
export async function sendSignInCode(ctx: SignInContext, mobile: string, source: string) {
  await spendRateLimits(
    ctx.db,
    [
      { bucket: `sms-number-minute#${mobile}`, limit: SMS_LIMITS.perNumberMinute },
      { bucket: `sms-number-day#${mobile}`, limit: SMS_LIMITS.perNumberDay },
      { bucket: `sms-source#${source}`, limit: SMS_LIMITS.perSourceHour },
    ],
    ctx.now,
  );
  const started = performance.now();
  const account = await accountOfMobile(ctx.db, mobile);
  if (account?.role === 'villager') {
    const code = await newSmsCode(ctx.db, mobile, ctx.now);
    await ctx.identity.sms.sendSignInCode(mobile, code);
    typicalSendMs = Math.round(0.8 * typicalSendMs + 0.2 * (performance.now() - started));
  } else {
    await pause(Math.max(0, typicalSendMs - (performance.now() - started)));
  }
  return { accepted: true as const, retryAfterSeconds: SMS_LIMITS.perNumberMinute.seconds };
}

/** The code from the text: right, unexpired, within its five tries, and for a villager's number. */
export async function smsSignIn(ctx: SignInContext, mobile: string, code: string) {
  const accepted = await checkSmsCode(ctx.db, mobile, code, ctx.now);
  const account = accepted ? await accountOfMobile(ctx.db, mobile) : undefined;
  if (account?.role !== 'villager')
    throw new UnauthenticatedError('验证码不正确或已过期 (wrong or expired code)', 'invalid_code');
  return finish(ctx, account, `sms ${maskMobile(mobile)}`);
}
