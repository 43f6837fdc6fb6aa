import { publicRoutes } from '@xjf/api/public-routes';
import { CfnOutput, Duration, Stack, type StackProps, Validations } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import * as apigw from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpJwtAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type * as cognito from 'aws-cdk-lib/aws-cognito';
import type { ITableV2 } from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as logs from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';
import { ApiFunction } from './constructs/api-function';
import { Monitoring } from './monitoring';

export interface ApiStackProps extends StackProps {
  readonly table: ITableV2;
  readonly userPool: cognito.IUserPool;
  readonly client: cognito.IUserPoolClient;
  /** The admin's origin, the only one CORS lets call the API. */
  readonly siteUrl: string;
  readonly alarmEmail: string | undefined;
}

/**
 * What the repositories in packages/data send: single items, batches, transactions and queries
 * on GSI1 (test/infra/api.test.ts derives the list from the code and compares).
 */
const TABLE_ACCESS = {
  table: [
    'dynamodb:BatchGetItem',
    'dynamodb:BatchWriteItem',
    'dynamodb:GetItem',
    'dynamodb:PutItem',
    'dynamodb:UpdateItem',
    'dynamodb:DeleteItem',
    'dynamodb:ConditionCheckItem',
    'dynamodb:Query',
  ],
  indexes: { GSI1: ['dynamodb:Query'] },
} as const;

/** HTTP API variables only: the REST API fields of AccessLogFormat's presets do not all exist here. */
const ACCESS_LOG = {
  requestId: '$context.requestId',
  time: '$context.requestTime',
  ip: '$context.identity.sourceIp',
  route: '$context.routeKey',
  status: '$context.status',
  latencyMs: '$context.responseLatency',
  integrationLatencyMs: '$context.integrationLatency',
  bytes: '$context.responseLength',
  sub: '$context.authorizer.claims.sub',
  authorizerError: '$context.authorizer.error',
  integrationError: '$context.integrationErrorMessage',
};

export class ApiStack extends Stack {
  readonly httpApi: apigw.HttpApi;
  readonly apiFunction: ApiFunction;

  constructor(scope: Construct, id: string, props: ApiStackProps) {
    super(scope, id, props);
    this.apiFunction = new ApiFunction(this, 'Api', {
      entry: 'functions/api/src/index.ts',
      memorySize: 512,
      // API Gateway gives up after 30 s; a request that needs more than 10 s is a bug.
      timeout: Duration.seconds(10),
      environment: {
        TABLE_NAME: props.table.tableName,
        USER_POOL_ID: props.userPool.userPoolId,
        USER_POOL_CLIENT_ID: props.client.userPoolClientId,
      },
    });
    this.apiFunction.grantTable(props.table, TABLE_ACCESS);
    // Admins create sign-in accounts for the users they add (and undo them if the table refuses).
    this.apiFunction.role.addToPrincipalPolicy(
      new iam.PolicyStatement({
        actions: ['cognito-idp:AdminCreateUser', 'cognito-idp:AdminDeleteUser'],
        resources: [props.userPool.userPoolArn],
      }),
    );

    const issuer = `https://cognito-idp.${this.region}.amazonaws.com/${props.userPool.userPoolId}`;
    // The admin sends the ID token (it carries the tenancy claims); its audience is the client id.
    const authorizer = new HttpJwtAuthorizer('Cognito', issuer, {
      jwtAudience: [props.client.userPoolClientId],
    });
    this.httpApi = new apigw.HttpApi(this, 'Http', {
      apiName: `${this.stackName}-http`,
      description: 'Xiaojifen API',
      // Secure by default: a route added later without thinking still needs a token.
      defaultAuthorizer: authorizer,
      createDefaultStage: false,
      corsPreflight: {
        allowOrigins: [props.siteUrl],
        allowMethods: [
          apigw.CorsHttpMethod.GET,
          apigw.CorsHttpMethod.POST,
          apigw.CorsHttpMethod.PUT,
          apigw.CorsHttpMethod.PATCH,
          apigw.CorsHttpMethod.DELETE,
        ],
        allowHeaders: ['authorization', 'content-type', 'idempotency-key'],
        // Bearer tokens, no cookies.
        allowCredentials: false,
        maxAge: Duration.hours(2),
      },
    });

    const accessLogs = new logs.LogGroup(this, 'AccessLogs', { retention: logs.RetentionDays.SIX_MONTHS });
    const stage = new apigw.HttpStage(this, 'DefaultStage', {
      httpApi: this.httpApi,
      stageName: '$default',
      autoDeploy: true,
      throttle: { rateLimit: 50, burstLimit: 100 },
      accessLogSettings: {
        destination: new apigw.LogGroupLogDestination(accessLogs),
        format: AccessLogFormat.custom(JSON.stringify(ACCESS_LOG)),
      },
    });

    // Routes without a token get a much smaller share: they are the ones anyone can hammer.
    (stage.node.defaultChild as apigw.CfnStage).routeSettings = Object.fromEntries(
      publicRoutes.map((r) => [
        `${r.method} ${r.path}`,
        { ThrottlingRateLimit: 5, ThrottlingBurstLimit: 10 },
      ]),
    );

    const integration = new HttpLambdaIntegration('Lambda', this.apiFunction.fn);
    this.httpApi.addRoutes({ path: '/api/{proxy+}', methods: [apigw.HttpMethod.ANY], integration });
    for (const route of publicRoutes) {
      const [cfnRoute] = this.httpApi.addRoutes({
        path: route.path,
        methods: [apigw.HttpMethod[route.method]],
        integration,
        authorizer: new apigw.HttpNoneAuthorizer(),
      });
      if (cfnRoute)
        Validations.of(cfnRoute).acknowledge({
          id: 'AwsSolutions-APIG4',
          reason: `${route.method} ${route.path} is public by design (health, API docs, invite onboarding, the public notice board and its objections): it is listed in functions/api/src/public-routes.ts; the app checks invite codes itself and the board shows masked names only.`,
        });
    }

    new Monitoring(this, 'Monitoring', {
      httpApi: this.httpApi,
      fn: this.apiFunction.fn,
      alarmEmail: props.alarmEmail,
    });
    new CfnOutput(this, 'ApiUrl', { value: this.httpApi.apiEndpoint });
  }
}
