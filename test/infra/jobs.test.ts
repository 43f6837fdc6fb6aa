import type { CfnElement } from 'aws-cdk-lib';
import { Match, type Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { SYNTH_TIMEOUT, synthApp } from './synth';

type Resource = { Type: string; Properties: Record<string, unknown> };

let jobs: Template;
let tableLogicalId: string;
let fnLogicalId: string;

beforeAll(() => {
  const { stacks, template } = synthApp({ alarmEmail: 'ops@example.cn' });
  jobs = template(stacks.jobs);
  tableLogicalId = stacks.data.getLogicalId(stacks.data.table.node.defaultChild as CfnElement);
  fnLogicalId = stacks.jobs.getLogicalId(stacks.jobs.jobsFunction.fn.node.defaultChild as CfnElement);
}, SYNTH_TIMEOUT);

describe('jobs stack', () => {
  it('runs the jobs function every 15 minutes, retried, with a dead-letter queue', () => {
    const rules = Object.values(jobs.findResources('AWS::Events::Rule')) as Resource[];
    expect(rules).toHaveLength(1);
    expect(rules[0]?.Properties).toMatchObject({
      ScheduleExpression: 'rate(15 minutes)',
      State: 'ENABLED',
      Targets: [
        {
          Arn: { 'Fn::GetAtt': [fnLogicalId, 'Arn'] },
          RetryPolicy: { MaximumRetryAttempts: 2, MaximumEventAgeInSeconds: 3600 },
          DeadLetterConfig: { Arn: { 'Fn::GetAtt': [expect.stringMatching(/^DeadLetters/), 'Arn'] } },
        },
      ],
    });
  });

  it('is Node 24 on arm64 with explicit memory and a timeout long enough for a county', () => {
    jobs.hasResourceProperties('AWS::Lambda::Function', {
      Runtime: 'nodejs24.x',
      Architectures: ['arm64'],
      MemorySize: 512,
      Timeout: 300,
      Handler: 'index.handler',
    });
  });

  it('may read and write the table and query GSI1, and nothing else of DynamoDB', () => {
    const statements = Object.values(jobs.findResources('AWS::IAM::Policy')).flatMap(
      (p) =>
        (
          (p as Resource).Properties.PolicyDocument as {
            Statement: { Action: string | string[]; Resource: unknown }[];
          }
        ).Statement,
    );
    const dynamo = statements
      .filter((s) => [s.Action].flat().some((a) => a.startsWith('dynamodb:')))
      .map((s) => ({ actions: [s.Action].flat().sort(), resource: JSON.stringify(s.Resource) }));
    expect(dynamo).toEqual([
      {
        actions: [
          'dynamodb:BatchGetItem',
          'dynamodb:GetItem',
          'dynamodb:PutItem',
          'dynamodb:Query',
          'dynamodb:UpdateItem',
        ],
        resource: expect.stringContaining(tableLogicalId),
      },
      { actions: ['dynamodb:Query'], resource: expect.stringContaining('/index/GSI1') },
    ]);
    expect(JSON.stringify(dynamo)).not.toMatch(/DeleteItem|Scan|BatchWriteItem|"\*"/);
  });

  it('alarms on failed runs and dead letters, mailed to the operator', () => {
    jobs.resourceCountIs('AWS::CloudWatch::Alarm', 2);
    jobs.hasResourceProperties('AWS::CloudWatch::Alarm', {
      MetricName: 'Errors',
      Dimensions: [{ Name: 'FunctionName', Value: Match.anyValue() }],
      AlarmActions: [Match.anyValue()],
    });
    jobs.hasResourceProperties('AWS::CloudWatch::Alarm', {
      MetricName: 'ApproximateNumberOfMessagesVisible',
    });
    jobs.hasResourceProperties('AWS::SNS::Subscription', { Protocol: 'email', Endpoint: 'ops@example.cn' });
  });
});
