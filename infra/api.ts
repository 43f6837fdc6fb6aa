import { publicRoutes } from '@xjf/api/public-routes';
import {
  type Surface,
  type SurfaceService,
  surfaceOf,
  surfaceRoutes,
  surfaceServices,
  surfaces,
} from '@xjf/api/routing';
import { TOKEN_AUDIENCE } from '@xjf/domain';
import { CfnOutput, Duration, Lazy, Stack, type StackProps, Validations } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import * as apigw from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpJwtAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import * as acm from 'aws-cdk-lib/aws-certificatemanager';
import type { ITableV2 } from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as logs from 'aws-cdk-lib/aws-logs';
import type { CfnBucket } from 'aws-cdk-lib/aws-s3';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import type { Construct } from 'constructs';
import type { CustomDomain, SmsSettings } from './config';
import { ApiFunction } from './constructs/api-function';
import type { IdentityStack } from './identity';
import { Monitoring } from './monitoring';
import { PhotoBucket } from './photos';

export interface ApiStackProps extends StackProps {
  readonly table: ITableV2;
  readonly identity: IdentityStack;
  readonly sms: SmsSettings | undefined;
  /** The admin's origin, the only one CORS lets call the API. */
  readonly siteUrl: string;
  /** With a domain the API is served at api.<domain> only, which is also the token issuer. */
  readonly domain: CustomDomain | undefined;
  readonly lambdaArchitecture: 'arm64' | 'x86_64';
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

/** What functions/api/src/aws/s3-photo-store.ts signs for (test/infra/api.test.ts compares). */
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

/** Construct ids of the surfaces' functions (logical ids and names in the console). */
const SURFACE_IDS: Record<Surface, string> = {
  admin: 'Api',
  public: 'PublicApi',
  auth: 'AuthApi',
  partner: 'PartnerApi',
  points: 'PointsApi',
  store: 'StoreApi',
  reports: 'ReportsApi',
};

export class ApiStack extends Stack {
  readonly httpApi: apigw.HttpApi;
  /** One function per surface of the API (functions/api/src/surfaces). */
  readonly functions: Record<Surface, ApiFunction>;
  /** Where the admin calls the API, and the tokens' issuer: https://api.<domain> or the default endpoint. */
  readonly url: string;

  constructor(scope: Construct, id: string, props: ApiStackProps) {
    super(scope, id, props);
    const { identity, domain } = props;
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
    const bucketId = this.resolve((photos.bucket.node.defaultChild as CfnBucket).logicalId);
    const smsSecret = identity.smsSecret;
    // What each AWS service beyond the table adds to a function that uses it: settings and grants.
    const services: Record<
      SurfaceService,
      { env: Record<string, string>; grant: (fn: ApiFunction) => void }
    > = {
      // The issuer signs access tokens with the current key only; KMS keeps the private key.
      tokenSigner: {
        env: {},
        grant: (fn) =>
          fn.role.addToPrincipalPolicy(
            new iam.PolicyStatement({ actions: ['kms:Sign'], resources: [identity.tokenKey.keyArn] }),
          ),
      },
      // Sign-in codes by Alibaba Cloud SMS, only when configured: without these settings the app
      // refuses SMS sign-in with a clear error.
      sms:
        props.sms && smsSecret
          ? {
              env: {
                SMS_SIGN_NAME: props.sms.signName,
                SMS_TEMPLATE_CODE: props.sms.templateCode,
                SMS_SECRET_ARN: smsSecret.secretArn,
              },
              grant: (fn) => smsSecret.grantRead(fn.role),
            }
          : { env: {}, grant: () => {} },
      signingSeed: {
        env: { SIGNING_SEED_SECRET_ARN: signingSeed.secretArn },
        grant: (fn) => signingSeed.grantRead(fn.role),
      },
      photos: {
        env: { PHOTO_BUCKET: photos.bucket.bucketName },
        grant: (fn) => {
          // Presigned uploads (a POST policy) act as PutObject, view URLs as GetObject: photos only.
          fn.role.addToPrincipalPolicy(
            new iam.PolicyStatement({
              actions: [...PHOTO_ACCESS],
              resources: [photos.bucket.arnForObjects('photos/*')],
            }),
          );
          Validations.of(fn.role).acknowledge({
            id: `AwsSolutions-IAM5[Resource::<${bucketId}.Arn>/photos/*]`,
            reason:
              'Photo keys are random (packages/domain/src/photos/keys.ts), so the grant names the photos/ prefix; the API signs each upload and view for one key of the caller’s village.',
          });
        },
      },
    };
    this.functions = Object.fromEntries(
      surfaces.map((surface) => {
        const uses = surfaceServices[surface];
        const fn = new ApiFunction(this, SURFACE_IDS[surface], {
          entry: `functions/api/src/lambda/${surface}.ts`,
          description: `Xiaojifen API: ${surface} surface`,
          memorySize: 512,
          // API Gateway gives up after 30 s; a request that needs more than 10 s is a bug.
          timeout: Duration.seconds(10),
          architecture: props.lambdaArchitecture,
          environment: Object.assign(
            {
              TABLE_NAME: props.table.tableName,
              // The signing key first, then the next one (mid-rotation) and the retired ones.
              TOKEN_KEY_IDS: identity.tokenKeyArns.join(','),
            },
            ...uses.map((service) => services[service].env),
          ),
        });
        fn.grantTable(props.table, TABLE_ACCESS);
        // Every function verifies tokens (and the issuer publishes them): the public keys only.
        fn.role.addToPrincipalPolicy(
          new iam.PolicyStatement({ actions: ['kms:GetPublicKey'], resources: [...identity.tokenKeyArns] }),
        );
        for (const service of uses) services[service].grant(fn);
        return [surface, fn];
      }),
    ) as Record<Surface, ApiFunction>;

    // The issuer is the API itself: API Gateway reads ${issuer}/.well-known/openid-configuration
    // (a public route of the auth surface) and the keys it names. Without a domain the issuer is
    // the default endpoint, known only once the API exists, hence the lazy value.
    let issuer: string | undefined;
    const authorizer = new HttpJwtAuthorizer(
      'Issuer',
      Lazy.string({
        produce: () => {
          if (!issuer) throw new Error('the token issuer is set once the HTTP API exists');
          return issuer;
        },
      }),
      { jwtAudience: [TOKEN_AUDIENCE] },
    );
    this.httpApi = new apigw.HttpApi(this, 'Http', {
      apiName: `${this.stackName}-http`,
      description: 'Xiaojifen API',
      // Secure by default: a route added later without thinking still needs a token.
      defaultAuthorizer: authorizer,
      createDefaultStage: false,
      // With a domain, api.<domain> is the only way in (and the only issuer tokens name).
      disableExecuteApiEndpoint: domain !== undefined,
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
        // The refresh token is an HttpOnly cookie scoped to /api/auth/session, sent by the admin
        // with credentials: 'include'; access tokens travel as Bearer headers.
        allowCredentials: true,
        maxAge: Duration.hours(2),
      },
    });
    this.url = domain ? `https://${domain.apiName}` : this.httpApi.apiEndpoint;
    issuer = this.url;
    for (const surface of surfaces) this.functions[surface].fn.addEnvironment('TOKEN_ISSUER', this.url);

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

    if (domain) {
      // Regional in both partitions (China has no edge-optimized endpoints); DNS is yours: a CNAME
      // from api.<domain> to the ApiDomainTarget output.
      const apiDomain = new apigw.DomainName(this, 'Domain', {
        domainName: domain.apiName,
        certificate: acm.Certificate.fromCertificateArn(this, 'Certificate', domain.apiCertificateArn),
        endpointType: apigw.EndpointType.REGIONAL,
        securityPolicy: apigw.SecurityPolicy.TLS_1_2,
      });
      new apigw.ApiMapping(this, 'Mapping', { api: this.httpApi, domainName: apiDomain, stage });
      new CfnOutput(this, 'ApiDomainTarget', {
        value: apiDomain.regionalDomainName,
        description: `CNAME ${domain.apiName} to this`,
      });
    }

    const integrations = Object.fromEntries(
      surfaces.map((surface) => [
        surface,
        new HttpLambdaIntegration(`${SURFACE_IDS[surface]}Lambda`, this.functions[surface].fn),
      ]),
    ) as Record<Surface, HttpLambdaIntegration>;
    const publicPaths = new Set<string>(publicRoutes.map((r) => r.path));
    for (const surface of surfaces)
      for (const path of surfaceRoutes[surface])
        if (!publicPaths.has(path))
          this.httpApi.addRoutes({
            path,
            methods: [apigw.HttpMethod.ANY],
            integration: integrations[surface],
          });
    for (const route of publicRoutes) {
      const [cfnRoute] = this.httpApi.addRoutes({
        path: route.path,
        methods: [apigw.HttpMethod[route.method]],
        integration: integrations[surfaceOf(route.path)],
        authorizer: new apigw.HttpNoneAuthorizer(),
      });
      if (cfnRoute)
        Validations.of(cfnRoute).acknowledge({
          id: 'AwsSolutions-APIG4',
          reason: `${route.method} ${route.path} is public by design, listed in functions/api/src/public-routes.ts: health, invite onboarding, the public notice board and its objections, certificate verification and the counties' public signing keys, the sign-in steps that come before a token exists, and the issuer's discovery document and public keys. The app checks invite codes and sign-in itself, and these routes get a tenth of the stage's throttle.`,
        });
    }

    new Monitoring(this, 'Monitoring', {
      httpApi: this.httpApi,
      functions: surfaces.map((surface) => this.functions[surface].fn),
      alarmEmail: props.alarmEmail,
    });
    new CfnOutput(this, 'ApiUrl', { value: this.url });
  }
}
