import { App } from 'aws-cdk-lib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConfigError, ICP_REQUIRED, PLACEHOLDER_ADMIN, readConfig } from '../../infra/config';
import { CHINA, GLOBAL_FULL } from './synth';

const ENV = ['XJF_REGION', 'CDK_DEFAULT_REGION', 'AWS_REGION', 'AWS_DEFAULT_REGION', 'XJF_WEB_DIST'];
const saved: Record<string, string | undefined> = {};
beforeEach(() => {
  for (const key of ENV) {
    saved[key] = process.env[key];
    delete process.env[key];
  }
});
afterEach(() => {
  for (const key of ENV)
    if (saved[key] === undefined) delete process.env[key];
    else process.env[key] = saved[key];
});

const read = (context: Record<string, unknown>) =>
  readConfig(new App({ context: { webDist: '/x', ...context } }));
const refused = (context: Record<string, unknown>) => {
  try {
    read(context);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
  }
  throw new Error('expected a ConfigError');
};

describe('settings', () => {
  it('takes the region from context, then XJF_REGION, then the CLI’s environment, and never guesses', () => {
    expect(refused({})).toMatch(/^Set the AWS region/);
    process.env.AWS_DEFAULT_REGION = 'eu-west-1';
    expect(read({}).region).toBe('eu-west-1');
    process.env.AWS_REGION = 'eu-central-1';
    expect(read({}).region).toBe('eu-central-1');
    process.env.CDK_DEFAULT_REGION = 'ap-east-1';
    expect(read({}).region).toBe('ap-east-1');
    process.env.XJF_REGION = 'ap-southeast-1';
    expect(read({}).region).toBe('ap-southeast-1');
    expect(read({ region: 'ap-northeast-1' }).region).toBe('ap-northeast-1');
    expect(refused({ region: 'singapore' })).toMatch(/not an AWS region/);
  });

  it('knows the partition from the region', () => {
    expect(read({ region: 'ap-southeast-1' }).partition).toBe('aws');
    expect(read(CHINA).partition).toBe('aws-cn');
  });

  it('refuses a China synth without a domain, in one sentence naming ICP', () => {
    const message = refused({ region: 'cn-northwest-1' });
    expect(message).toBe(ICP_REQUIRED);
    expect(message).toContain('ICP 备案');
    expect(message.split(/[.。](\s|$)/).filter((s) => s.trim()).length).toBe(1);
  });

  it('takes the certificates each partition can use, and names the missing one', () => {
    const { iamCertificateId, ...noIam } = CHINA;
    expect(refused(noIam)).toMatch(/^Set iamCertificateId/);
    expect(refused({ ...CHINA, certificateArn: GLOBAL_FULL.certificateArn })).toMatch(/cannot use ACM/);
    const { apiCertificateArn, ...noApi } = CHINA;
    expect(refused(noApi)).toMatch(
      /^Set apiCertificateArn: the API is served at api\.xiaojifen\.example\.cn/,
    );
    expect(refused({ ...CHINA, apiCertificateArn: GLOBAL_FULL.apiCertificateArn })).toMatch(/cn-northwest-1/);
    expect(refused({ ...GLOBAL_FULL, iamCertificateId })).toMatch(
      /iamCertificateId is for the China regions/,
    );
    expect(refused({ ...GLOBAL_FULL, certificateArn: GLOBAL_FULL.apiCertificateArn })).toMatch(/us-east-1/);
    expect(refused({ region: 'ap-southeast-1', apiCertificateArn })).toMatch(/need domainName/);
    expect(refused({ ...CHINA, domainName: 'not a host' })).toMatch(/not a host name/);
    expect(read(CHINA).domain).toEqual({
      name: 'xiaojifen.example.cn',
      apiName: 'api.xiaojifen.example.cn',
      webCertificate: { kind: 'iam', iamCertificateId },
      apiCertificateArn,
    });
  });

  it('takes SMS with both its signature and template, or not at all', () => {
    expect(read({ region: 'ap-southeast-1' }).sms).toBeUndefined();
    expect(read(CHINA).sms).toEqual({ signName: '小积分', templateCode: 'SMS_000000000' });
    expect(refused({ region: 'ap-southeast-1', smsSignName: '小积分' })).toMatch(/go together/);
    expect(refused({ region: 'ap-southeast-1', smsTemplateCode: 'SMS_1234' })).toMatch(/go together/);
    expect(refused({ ...CHINA, smsTemplateCode: '1234' })).toMatch(/SMS_123456789/);
  });

  it('lists retired token keys from cdk.json or the command line, in the deployment’s region only', () => {
    const arn = (region: string, partition = 'aws-cn') =>
      `arn:${partition}:kms:${region}:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab`;
    expect(read(CHINA).tokenKey).toEqual({ generation: 1, publishNext: false, retiredArns: [] });
    expect(read({ ...CHINA, nextTokenKey: 'true' }).tokenKey.publishNext).toBe(true);
    expect(read({ ...CHINA, nextTokenKey: true }).tokenKey.publishNext).toBe(true);
    expect(refused({ ...CHINA, nextTokenKey: 'yes' })).toMatch(/nextTokenKey must be true or false/);
    expect(read({ ...CHINA, retiredTokenKeyArns: [arn('cn-northwest-1')] }).tokenKey.retiredArns).toEqual([
      arn('cn-northwest-1'),
    ]);
    expect(
      read({ ...CHINA, retiredTokenKeyArns: `${arn('cn-northwest-1')}, ${arn('cn-northwest-1')}` }).tokenKey
        .retiredArns,
    ).toEqual([arn('cn-northwest-1')]);
    expect(refused({ ...CHINA, retiredTokenKeyArns: [arn('cn-north-1')] })).toMatch(
      /KMS key in cn-northwest-1/,
    );
    expect(refused({ ...CHINA, retiredTokenKeyArns: [arn('cn-northwest-1', 'aws')] })).toMatch(
      /arn:aws-cn:kms/,
    );
    expect(refused({ ...CHINA, retiredTokenKeyArns: [1] })).toMatch(/list of strings/);
    expect(read({ ...CHINA, tokenKeyGeneration: '2' }).tokenKey.generation).toBe(2);
    expect(refused({ ...CHINA, tokenKeyGeneration: '0' })).toMatch(/tokenKeyGeneration/);
  });

  it('runs functions on arm64 unless told x86_64', () => {
    expect(read(CHINA).lambdaArchitecture).toBe('arm64');
    expect(read({ ...CHINA, lambdaArchitecture: 'x86_64' }).lambdaArchitecture).toBe('x86_64');
    expect(refused({ ...CHINA, lambdaArchitecture: 'amd64' })).toMatch(/arm64 or x86_64/);
  });

  it('falls back to the placeholder admin only when webDist is not set and web/dist was not built', () => {
    expect(read({ ...CHINA, webDist: '/somewhere' }).webDist).toBe('/somewhere');
    const webDist = readConfig(new App({ context: { ...CHINA } })).webDist;
    expect(webDist === PLACEHOLDER_ADMIN || /web[\\/]dist$/.test(webDist), webDist).toBe(true);
  });
});
