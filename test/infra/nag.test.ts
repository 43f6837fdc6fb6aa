import { AwsSolutionsChecks } from 'cdk-nag';
import { describe, expect, it } from 'vitest';
import { CHINA, GLOBAL_FULL, SYNTH_TIMEOUT, synthApp } from './synth';

const unacknowledged = (extra: Record<string, unknown>) => {
  const { app } = synthApp(extra);
  return new AwsSolutionsChecks(app)
    .validateScope(app)
    .violations.flatMap((v) => v.violatingResources.map((r) => `${v.ruleName} ${r.resourceLogicalId}`));
};

describe('cdk-nag AwsSolutions', { timeout: SYNTH_TIMEOUT }, () => {
  it('leaves nothing unacknowledged in the default configuration', () => {
    expect(unacknowledged({})).toEqual([]);
  });

  it('leaves nothing unacknowledged with a domain, SMS, alarm e-mail, a retired key and a known account', () => {
    process.env.CDK_DEFAULT_ACCOUNT = '111122223333';
    try {
      expect(
        unacknowledged({
          ...GLOBAL_FULL,
          stage: 'prod',
          retiredTokenKeyArns: [
            'arn:aws:kms:ap-southeast-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab',
          ],
        }),
      ).toEqual([]);
    } finally {
      delete process.env.CDK_DEFAULT_ACCOUNT;
    }
  });

  it('leaves nothing unacknowledged in China, on either architecture', () => {
    expect(unacknowledged({ ...CHINA, alarmEmail: 'ops@example.cn' })).toEqual([]);
    expect(unacknowledged({ ...CHINA, lambdaArchitecture: 'x86_64' })).toEqual([]);
  });
});
