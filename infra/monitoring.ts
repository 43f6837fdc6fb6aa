import { Duration, Validations } from 'aws-cdk-lib';
import type * as apigw from 'aws-cdk-lib/aws-apigatewayv2';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as sns from 'aws-cdk-lib/aws-sns';
import { EmailSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import { Construct } from 'constructs';

export interface MonitoringProps {
  readonly httpApi: apigw.IHttpApi;
  /** The API's functions, one per surface: their errors and throttles are alarmed on as one sum. */
  readonly functions: lambda.IFunction[];
  /** Where alarms are mailed; without it the alarms only show in the console. */
  readonly alarmEmail: string | undefined;
}

/**
 * Alarms for the API, built in the API stack so they never hold a cross-stack export on the
 * function (an export blocks replacing what it points to).
 */
export class Monitoring extends Construct {
  readonly alarms: cloudwatch.Alarm[];

  constructor(scope: Construct, id: string, props: MonitoringProps) {
    super(scope, id);
    const period = Duration.minutes(5);
    // Each function's figure for the period, added up: one alarm however many surfaces there are.
    const summed = (label: string, metric: (fn: lambda.IFunction) => cloudwatch.IMetric) =>
      new cloudwatch.MathExpression({
        expression: `SUM([${props.functions.map((_, i) => `m${i}`).join(',')}])`,
        usingMetrics: Object.fromEntries(props.functions.map((fn, i) => [`m${i}`, metric(fn)])),
        label,
        period,
      });
    const alarm = (name: string, metric: cloudwatch.IMetric, threshold: number, description: string) =>
      new cloudwatch.Alarm(this, name, {
        metric,
        threshold,
        evaluationPeriods: 1,
        comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        // No traffic is not an outage.
        treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
        alarmDescription: description,
      });
    this.alarms = [
      alarm(
        'Api5xx',
        props.httpApi.metricServerError({ period, statistic: 'Sum' }),
        5,
        'The API answered 5 or more 5xx responses in 5 minutes.',
      ),
      alarm(
        'FunctionErrors',
        summed('Errors', (fn) => fn.metricErrors({ period, statistic: 'Sum' })),
        5,
        'The API functions failed 5 or more invocations in 5 minutes.',
      ),
      alarm(
        'FunctionThrottles',
        summed('Throttles', (fn) => fn.metricThrottles({ period, statistic: 'Sum' })),
        1,
        'An API function was throttled: requests are being refused for lack of concurrency.',
      ),
    ];

    mailAlarms(this, this.alarms, props.alarmEmail);
  }
}

/** Mails alarms (and their recovery) to the operator; without an address they only show in the console. */
export function mailAlarms(scope: Construct, alarms: cloudwatch.Alarm[], alarmEmail: string | undefined) {
  if (!alarmEmail) return;
  const topic = new sns.Topic(scope, 'Alarms', { enforceSSL: true });
  topic.addSubscription(new EmailSubscription(alarmEmail));
  for (const a of alarms) {
    a.addAlarmAction(new SnsAction(topic));
    a.addOkAction(new SnsAction(topic));
  }
  Validations.of(topic).acknowledge({
    id: 'AwsSolutions-SNS2',
    reason:
      'Alarm notices carry no personal data, and CloudWatch alarms cannot publish to a topic encrypted with the AWS managed aws/sns key; a customer managed key is not worth its cost for this topic.',
  });
}
