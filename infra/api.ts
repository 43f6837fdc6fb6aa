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
import type { CfnBucket } from 'aws-cdk-lib/aws-s3';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import type { Construct } from 'constructs';
import { ApiFunction } from './constructs/api-function';
import { Monitoring } from './monitoring';
import { PhotoBucket } from './photos';

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

/** What functions/api/src/photos/s3-photo-store.ts signs for (test/infra/api.test.ts compares). */
const PHOTO_ACCESS = ['s3:GetObject', 's3:PutObject'] as const;

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
    // The seed every county's certificate signing key derives from (packages/data/DESIGN.md).
    const signingSeed = new secretsmanager.Secret(this, 'CertificateSigningSeed', {
      description: 'Xiaojifen: seed of the counties’ score certificate signing keys (read by the API only)',
      generateSecretString: { passwordLength: 64, excludePunctuation: true, includeSpace: false },
    });
    Validations.of(signingSeed).acknowledge({
      id: 'AwsSolutions-SMG4',
      reason:
        'Not rotated on a schedule: the seed only signs. A new seed gives each county its next key number on the next certificate, while the old public keys stay in the table, so certificates already issued keep verifying; rotate it by hand (put a new secret value) if it is ever exposed.',
    });
    const photos = new PhotoBucket(this, 'Photos', { siteUrl: props.siteUrl });
    this.apiFunction = new ApiFunction(this, 'Api', {
      entry: 'functions/api/src/index.ts',
      memorySize: 512,
      // API Gateway gives up after 30 s; a request that needs more than 10 s is a bug.
      timeout: Duration.seconds(10),
      environment: {
        TABLE_NAME: props.table.tableName,
        USER_POOL_ID: props.userPool.userPoolId,
        USER_POOL_CLIENT_ID: props.client.userPoolClientId,
        SIGNING_SEED_SECRET_ARN: signingSeed.secretArn,
        PHOTO_BUCKET: photos.bucket.bucketName,
      },
    });
    this.apiFunction.grantTable(props.table, TABLE_ACCESS);
    signingSeed.grantRead(this.apiFunction.role);
    // Presigned uploads (a POST policy) act as PutObject, view URLs as GetObject: nothing else, photos only.
    this.apiFunction.role.addToPrincipalPolicy(
      new iam.PolicyStatement({
        actions: [...PHOTO_ACCESS],
        resources: [photos.bucket.arnForObjects('photos/*')],
      }),
    );
    const bucketId = this.resolve((photos.bucket.node.defaultChild as CfnBucket).logicalId);
    Validations.of(this.apiFunction.role).acknowledge({
      id: `AwsSolutions-IAM5[Resource::<${bucketId}.Arn>/photos/*]`,
      reason:
        'Photo keys are random (packages/domain/src/photos/keys.ts), so the grant names the photos/ prefix; the API signs each upload and view for one key of the caller’s village.',
    });
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
          reason: `${route.method} ${route.path} is public by design (health, API docs, invite onboarding, the public notice board and its objections, certificate verification and the counties' public signing keys): it is listed in functions/api/src/public-routes.ts; the app checks invite codes itself and the board shows masked names only.`,
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
