import { AwsSolutionsChecks } from 'cdk-nag';
import { describe, expect, it } from 'vitest';
import { synthApp } from './synth';

const unacknowledged = (extra: Record<string, unknown>) => {
  const { app } = synthApp(extra);
  return new AwsSolutionsChecks(app)
    .validateScope(app)
    .violations.flatMap((v) => v.violatingResources.map((r) => `${v.ruleName} ${r.resourceLogicalId}`));
};

describe('cdk-nag AwsSolutions', () => {
  it('leaves nothing unacknowledged in the default configuration', () => {
    expect(unacknowledged({})).toEqual([]);
  });

  it('leaves nothing unacknowledged with a custom domain, alarm e-mail and a known account', () => {
    process.env.CDK_DEFAULT_ACCOUNT = '111122223333';
    try {
      expect(
        unacknowledged({
          stage: 'prod',
          domainName: 'admin.example.cn',
          certificateArn: 'arn:aws:acm:us-east-1:111122223333:certificate/abc',
          alarmEmail: 'ops@example.cn',
        }),
      ).toEqual([]);
    } finally {
      delete process.env.CDK_DEFAULT_ACCOUNT;
    }
  });
});
