import { createHmac } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { aliyunSms } from '@xjf/http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const SECRET = 'testsecret';
let endpoint: string;
let received: URLSearchParams[] = [];
let answer: Record<string, string> = {
  Code: 'OK',
  Message: 'OK',
  BizId: '900619746936498440^0',
  RequestId: 'x',
};
let close: () => void;

/**
 * Alibaba Cloud's RPC API as its documentation describes it: POST form parameters, signed with
 * HMAC-SHA1 over "POST&%2F&" + the percent-encoded, sorted query, keyed with the secret and "&".
 * The stub checks the signature the documented way, independently of the adapter's code.
 */
function documentedSignature(params: URLSearchParams): string {
  const encode = (s: string) =>
    encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  const sorted = [...params.entries()]
    .filter(([k]) => k !== 'Signature')
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([k, v]) => `${encode(k)}=${encode(v)}`)
    .join('&');
  return createHmac('sha1', `${SECRET}&`)
    .update(`POST&%2F&${encode(sorted)}`)
    .digest('base64');
}

beforeAll(async () => {
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => {
      body += c;
    });
    req.on('end', () => {
      const params = new URLSearchParams(body);
      received.push(params);
      const valid = params.get('Signature') === documentedSignature(params);
      res.writeHead(valid ? 200 : 400, { 'content-type': 'application/json' });
      res.end(JSON.stringify(valid ? answer : { Code: 'SignatureDoesNotMatch', Message: 'bad signature' }));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  close = () => server.close();
});
afterAll(() => close());

const sender = (secret = SECRET) =>
  aliyunSms({
    endpoint,
    signName: '小积分',
    templateCode: 'SMS_123456789',
    credentials: async () => ({ accessKeyId: 'testid', accessKeySecret: secret }),
    now: () => new Date('2026-12-03T08:00:00.123Z'),
  });

describe('the Alibaba Cloud SMS adapter', () => {
  it('sends SendSms with the approved signature name, template and the code as its variable', async () => {
    received = [];
    await sender().sendSignInCode('13800138000', '482913');
    const [params] = received;
    expect(Object.fromEntries(params ?? [])).toMatchObject({
      Action: 'SendSms',
      Version: '2017-05-25',
      PhoneNumbers: '13800138000',
      SignName: '小积分',
      TemplateCode: 'SMS_123456789',
      TemplateParam: '{"code":"482913"}',
      SignatureMethod: 'HMAC-SHA1',
      SignatureVersion: '1.0',
      Timestamp: '2026-12-03T08:00:00Z',
      AccessKeyId: 'testid',
    });
  });

  it('answers 503 sms_failed when the signature is refused', async () => {
    await expect(sender('wrong-secret').sendSignInCode('13800138000', '482913')).rejects.toMatchObject({
      status: 503,
      code: 'sms_failed',
    });
  });

  it('answers 503 sms_failed when the provider refuses (e.g. the daily limit of a number)', async () => {
    answer = { Code: 'isv.BUSINESS_LIMIT_CONTROL', Message: '触发分钟级流控Permits:1' };
    await expect(sender().sendSignInCode('13800138000', '482913')).rejects.toMatchObject({
      code: 'sms_failed',
    });
    answer = { Code: 'OK', Message: 'OK', BizId: 'x', RequestId: 'x' };
  });
});
