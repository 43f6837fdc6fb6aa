import { createHmac, randomUUID } from 'node:crypto';
import { UnavailableError } from '@xjf/domain';

/** Sends a villager's sign-in code: the dev inbox locally, a domestic SMS provider in AWS China. */
export interface SmsSender {
  sendSignInCode(mobile: string, code: string): Promise<void>;
}

/** A deployment configured without SMS: villagers are told, nothing is sent. */
export const noSms: SmsSender = {
  async sendSignInCode() {
    throw new UnavailableError(
      'sms_not_configured',
      '本系统尚未开通短信登录，请联系村干部 (SMS sign-in is not set up here)',
    );
  },
};

export type AliyunSmsConfig = {
  /** https://dysmsapi.aliyuncs.com; a local stub in tests. */
  endpoint: string;
  /** 短信签名 and 模板 code, approved by Alibaba Cloud; the template has one variable, `code`. */
  signName: string;
  templateCode: string;
  credentials: () => Promise<{ accessKeyId: string; accessKeySecret: string }>;
  now?: () => Date;
};

/** RFC 3986 unreserved characters stay; everything else is %XX, as Alibaba's POP signature wants. */
const popEncode = (s: string) =>
  encodeURIComponent(s).replace(/[!'()*]/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`);

/**
 * Alibaba Cloud SMS `SendSms` (API version 2017-05-25) over its RPC HTTP API, signed with
 * signature version 1.0 (HMAC-SHA1 over the sorted, encoded query). Amazon SNS sends no SMS in
 * China; this is the provider counties use. Answers other than `Code: OK` become a 503 the caller can retry.
 */
export function aliyunSms(config: AliyunSmsConfig): SmsSender {
  return {
    async sendSignInCode(mobile, code) {
      const { accessKeyId, accessKeySecret } = await config.credentials();
      const params: Record<string, string> = {
        AccessKeyId: accessKeyId,
        Action: 'SendSms',
        Format: 'JSON',
        PhoneNumbers: mobile,
        RegionId: 'cn-hangzhou',
        SignName: config.signName,
        SignatureMethod: 'HMAC-SHA1',
        SignatureNonce: randomUUID(),
        SignatureVersion: '1.0',
        TemplateCode: config.templateCode,
        TemplateParam: JSON.stringify({ code }),
        Timestamp: (config.now?.() ?? new Date()).toISOString().replace(/\.\d{3}Z$/, 'Z'),
        Version: '2017-05-25',
      };
      const query = Object.keys(params)
        .sort()
        .map((k) => `${popEncode(k)}=${popEncode(params[k] ?? '')}`)
        .join('&');
      const signature = createHmac('sha1', `${accessKeySecret}&`)
        .update(`POST&${popEncode('/')}&${popEncode(query)}`)
        .digest('base64');
      let answer: { Code?: string; Message?: string } = {};
      try {
        const response = await fetch(`${config.endpoint}/`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
          body: `Signature=${popEncode(signature)}&${query}`,
          signal: AbortSignal.timeout(5_000),
        });
        answer = (await response.json()) as typeof answer;
      } catch {
        answer = { Code: 'unreachable' };
      }
      if (answer.Code !== 'OK')
        throw new UnavailableError(
          'sms_failed',
          `短信发送失败，请稍后再试 (the SMS provider refused: ${answer.Code ?? 'no answer'})`,
        );
    },
  };
}
