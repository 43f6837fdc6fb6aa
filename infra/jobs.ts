import { Duration, Stack, type StackProps, Validations } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import type { ITableV2 } from 'aws-cdk-lib/aws-dynamodb';
import * as events from 'aws-cdk-lib/aws-events';
import * as targets from 'aws-cdk-lib/aws-events-targets';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';
import { ApiFunction } from './constructs/api-function';
import { mailAlarms } from './monitoring';

export interface JobsStackProps extends StackProps {
  readonly table: ITableV2;
  readonly lambdaArchitecture: 'arm64' | 'x86_64';
  readonly alarmEmail: string | undefined;
}

/** Settling postings and annual resets: reads, single writes and the ledger's transactions (Put, Update). */
export const JOBS_TABLE_ACCESS = {
  table: [
    'dynamodb:BatchGetItem',
    'dynamodb:GetItem',
    'dynamodb:PutItem',
    'dynamodb:UpdateItem',
    'dynamodb:Query',
  ],
  indexes: { GSI1: ['dynamodb:Query'] },
} as const;

/**
 * The scheduled work (functions/jobs): every 15 minutes, postings whose window has ended take
 * effect and annual resets apply. The work is idempotent, so EventBridge may retry; what still
 * fails lands in a dead-letter queue that raises an alarm.
 */
export class JobsStack extends Stack {
  readonly jobsFunction: ApiFunction;

  constructor(scope: Construct, id: string, props: JobsStackProps) {
    super(scope, id, props);
    this.jobsFunction = new ApiFunction(this, 'Jobs', {
      entry: 'functions/jobs/src/index.ts',
      description: 'Xiaojifen jobs: posting windows and the annual reset',
      memorySize: 512,
      // Every village in turn; a county has hundreds, each a few round trips.
      timeout: Duration.minutes(5),
      architecture: props.lambdaArchitecture,
      environment: { TABLE_NAME: props.table.tableName },
    });
    this.jobsFunction.grantTable(props.table, JOBS_TABLE_ACCESS);

    const deadLetters = new sqs.Queue(this, 'DeadLetters', {
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    });
    Validations.of(deadLetters).acknowledge({
      id: 'AwsSolutions-SQS3',
      reason: 'This queue is itself the dead-letter queue of the schedule; nothing reads it but an operator.',
    });
    new events.Rule(this, 'Every15Minutes', {
      description: '公示期满入账与年度清零 (settle ended postings, apply annual resets)',
      schedule: events.Schedule.rate(Duration.minutes(15)),
      targets: [
        new targets.LambdaFunction(this.jobsFunction.fn, {
          retryAttempts: 2,
          maxEventAge: Duration.hours(1),
          deadLetterQueue: deadLetters,
        }),
      ],
    });

    const period = Duration.minutes(15);
    const alarm = (name: string, metric: cloudwatch.IMetric, description: string) =>
      new cloudwatch.Alarm(this, name, {
        metric,
        threshold: 1,
        evaluationPeriods: 1,
        comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
        alarmDescription: description,
      });
    mailAlarms(
      this,
      [
        alarm(
          'JobErrors',
          this.jobsFunction.fn.metricErrors({ period, statistic: 'Sum' }),
          'The scheduled jobs failed in at least one village: postings may not be taking effect.',
        ),
        alarm(
          'JobDeadLetters',
          deadLetters.metricApproximateNumberOfMessagesVisible({ period, statistic: 'Maximum' }),
          'A scheduled run failed after every retry and was dead-lettered.',
        ),
      ],
      props.alarmEmail,
    );
  }
}
