import type { SmsSender } from '@xjf/http';

export type SentSms = { mobile: string; code: string; at: string };

/**
 * The local runtime's SMS: nothing leaves the machine. Codes are kept here (newest first),
 * printed by `npm start`, and readable at GET /api/dev/sms, so a browser test can sign in.
 */
export function devSmsInbox(options: { print?: boolean } = {}) {
  const messages: SentSms[] = [];
  const sender: SmsSender = {
    async sendSignInCode(mobile, code) {
      messages.unshift({ mobile, code, at: new Date().toISOString() });
      messages.length = Math.min(messages.length, 50);
      if (options.print) console.log(`短信 (dev inbox) → ${mobile}: 登录验证码 ${code}，5 分钟内有效`);
    },
  };
  return { sender, messages };
}
