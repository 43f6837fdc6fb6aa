import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { publicRoutes } from '@xjf/api/public-routes';
import type { CfnElement } from 'aws-cdk-lib';
import { Match, type Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { synthApp } from './synth';

type Resource = { Type: string; Properties: Record<string, unknown> };
type Statement = { Action: string | string[]; Resource: unknown; Effect: string };

describe('api stack', () => {
  let api: Template;
  let all: Template[];
  let tableLogicalId: string;

  beforeAll(() => {
    const { stacks, template } = synthApp();
    api = template(stacks.api);
    all = Object.values(stacks).map(template);
    tableLogicalId = stacks.data.getLogicalId(stacks.data.table.node.defaultChild as CfnElement);
  });

  const functions = () =>
    all.flatMap((t) => Object.entries(t.findResources('AWS::Lambda::Function')) as [string, Resource][]);
  const isCdkUploader = ([logicalId]: [string, Resource]) =>
    logicalId.startsWith('CustomCDKBucketDeployment');

  it('runs every function of ours on Node 24, arm64, with explicit memory and timeout', () => {
    const ours = functions().filter((fn) => !isCdkUploader(fn));
    expect(ours.length).toBeGreaterThan(0);
    for (const [, fn] of ours)
      expect(fn.Properties).toMatchObject({
        Runtime: 'nodejs24.x',
        Architectures: ['arm64'],
        MemorySize: expect.any(Number),
        Timeout: expect.any(Number),
      });
  });

  it("has no other function than CDK's web uploader, also arm64 with explicit memory", () => {
    const others = functions().filter(isCdkUploader);
    expect(others).toHaveLength(1);
    expect(others[0]?.[1].Properties).toMatchObject({ Architectures: ['arm64'], MemorySize: 512 });
  });

  it('gives the API function its configuration and a log group with retention', () => {
    const fns = Object.values(api.findResources('AWS::Lambda::Function')) as Resource[];
    expect(fns).toHaveLength(1);
    const fn = fns[0] as Resource;
    const variables = (fn.Properties.Environment as { Variables: Record<string, unknown> }).Variables;
    expect(Object.keys(variables).sort()).toEqual([
      'NODE_OPTIONS',
      'PHOTO_BUCKET',
      'SIGNING_SEED_SECRET_ARN',
      'TABLE_NAME',
      'USER_POOL_CLIENT_ID',
      'USER_POOL_ID',
    ]);
    expect(fn.Properties.LoggingConfig).toMatchObject({
      LogFormat: 'JSON',
      LogGroup: { Ref: expect.any(String) },
    });
    api.hasResourceProperties('AWS::Logs::LogGroup', { RetentionInDays: Match.anyValue() });
  });

  it('grants exactly the DynamoDB actions the repositories use, on the table and GSI1 only', () => {
    const statements = Object.values(api.findResources('AWS::IAM::Policy')).flatMap(
      (p) => (p as Resource).Properties.PolicyDocument as { Statement: Statement[] },
    );
    const dynamo = statements
      .flatMap((doc) => doc.Statement)
      .filter((s) => [s.Action].flat().some((a) => a.startsWith('dynamodb:')));
    const rendered = dynamo.map((s) => ({
      actions: [s.Action].flat().sort(),
      resource: JSON.stringify(s.Resource),
      effect: s.Effect,
    }));
    expect(rendered).toHaveLength(2);
    expect(rendered[0]).toMatchObject({ effect: 'Allow', actions: actionsTheRepositoriesUse() });
    expect(rendered[0]?.resource).toContain(`${tableLogicalId}Arn`);
    expect(rendered[0]?.resource).not.toContain('/index/');
    expect(rendered[1]).toMatchObject({ effect: 'Allow', actions: ['dynamodb:Query'] });
    expect(rendered[1]?.resource).toContain(`${tableLogicalId}Arn`);
    expect(rendered[1]?.resource).toContain('"/index/GSI1"');
    for (const s of rendered) expect(s.resource).not.toMatch(/"\*"|index\/\*/);
  });

  it('lets the API create and undo sign-in accounts in its own user pool only', () => {
    const cognito = Object.values(api.findResources('AWS::IAM::Policy'))
      .flatMap((p) => ((p as Resource).Properties.PolicyDocument as { Statement: Statement[] }).Statement)
      .filter((s) => [s.Action].flat().some((a) => a.startsWith('cognito-idp:')));
    expect(cognito).toHaveLength(1);
    expect([cognito[0]?.Action].flat().sort()).toEqual([
      'cognito-idp:AdminCreateUser',
      'cognito-idp:AdminDeleteUser',
    ]);
    // The Auth stack's user pool ARN, passed across stacks.
    expect(JSON.stringify(cognito[0]?.Resource)).toMatch(/Auth.*GetAttUsers\w*Arn/);
    expect(JSON.stringify(cognito[0]?.Resource)).not.toContain('"*"');
  });

  it('keeps the certificate signing seed in a secret that only the API function reads', () => {
    const [secretId, ...others] = Object.keys(api.findResources('AWS::SecretsManager::Secret'));
    expect(others).toEqual([]);
    api.hasResourceProperties('AWS::SecretsManager::Secret', {
      GenerateSecretString: { PasswordLength: 64, ExcludePunctuation: true },
    });
    const secretStatements = (t: Template) =>
      Object.values(t.findResources('AWS::IAM::Policy'))
        .flatMap((p) => ((p as Resource).Properties.PolicyDocument as { Statement: Statement[] }).Statement)
        .filter((s) => [s.Action].flat().some((a) => a.startsWith('secretsmanager:')));
    const [read, ...more] = secretStatements(api);
    expect(more).toEqual([]);
    expect([read?.Action].flat().sort()).toEqual([
      'secretsmanager:DescribeSecret',
      'secretsmanager:GetSecretValue',
    ]);
    expect(read?.Resource).toEqual({ Ref: secretId });
    // The API's grant is the only one in the whole app: the jobs function never signs.
    expect(all.flatMap(secretStatements)).toHaveLength(1);
    const [fn] = Object.values(api.findResources('AWS::Lambda::Function')) as Resource[];
    expect(fn?.Properties.Environment).toMatchObject({
      Variables: { SIGNING_SEED_SECRET_ARN: { Ref: secretId } },
    });
  });

  it('puts the JWT authorizer on every route except the public ones', () => {
    const routes = Object.values(api.findResources('AWS::ApiGatewayV2::Route')).map(
      (r) => (r as Resource).Properties,
    );
    const publicKeys = publicRoutes.map((r) => `${r.method} ${r.path}`);
    expect(routes.map((r) => r.RouteKey)).toContain('ANY /api/{proxy+}');
    for (const route of routes) {
      if (publicKeys.includes(route.RouteKey as string)) expect(route.AuthorizationType).toBe('NONE');
      else
        expect(route).toMatchObject({ AuthorizationType: 'JWT', AuthorizerId: { Ref: expect.any(String) } });
    }
    for (const key of publicKeys) expect(routes.map((r) => r.RouteKey)).toContain(key);
    api.hasResourceProperties('AWS::ApiGatewayV2::Authorizer', {
      AuthorizerType: 'JWT',
      IdentitySource: ['$request.header.Authorization'],
      JwtConfiguration: { Audience: [Match.anyValue()], Issuer: Match.anyValue() },
    });
  });

  it('lets only the admin origin call it cross-origin, without credentials', () => {
    const [http] = Object.values(api.findResources('AWS::ApiGatewayV2::Api')) as Resource[];
    const cors = http?.Properties.CorsConfiguration as { AllowOrigins: unknown[]; AllowCredentials: boolean };
    expect(cors.AllowOrigins).toHaveLength(1);
    expect(JSON.stringify(cors.AllowOrigins)).toMatch(/https:\/\/.*Cdn.*DomainName/);
    expect(cors.AllowCredentials).toBe(false);
  });

  it('throttles the stage, public routes harder, and writes access logs', () => {
    api.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      StageName: '$default',
      DefaultRouteSettings: { ThrottlingRateLimit: Match.anyValue(), ThrottlingBurstLimit: Match.anyValue() },
      RouteSettings: Object.fromEntries(
        publicRoutes.map((r) => [
          `${r.method} ${r.path}`,
          { ThrottlingRateLimit: 5, ThrottlingBurstLimit: 10 },
        ]),
      ),
      AccessLogSettings: { DestinationArn: Match.anyValue(), Format: Match.stringLikeRegexp('requestId') },
    });
  });

  it('alarms on API 5xx, function errors and throttles', () => {
    const metrics = Object.values(api.findResources('AWS::CloudWatch::Alarm')).map(
      (a) => (a as Resource).Properties.MetricName,
    );
    expect(metrics.sort()).toEqual(['5xx', 'Errors', 'Throttles']);
  });
});

describe('api stack with an alarm e-mail', () => {
  it('mails every alarm through an SNS topic that requires TLS', () => {
    const { stacks, template } = synthApp({ alarmEmail: 'ops@example.cn' });
    const api = template(stacks.api);
    api.hasResourceProperties('AWS::SNS::Subscription', { Protocol: 'email', Endpoint: 'ops@example.cn' });
    api.hasResourceProperties('AWS::SNS::TopicPolicy', {
      PolicyDocument: {
        Statement: Match.arrayWith([Match.objectLike({ Effect: 'Deny', Condition: Match.objectLike({}) })]),
      },
    });
    for (const alarm of Object.values(api.findResources('AWS::CloudWatch::Alarm')))
      expect((alarm as Resource).Properties.AlarmActions).toHaveLength(1);
  });
});

/**
 * The IAM actions the code in packages/data needs, read from the SDK commands it sends (a
 * transaction needs the actions of the item operations inside it), so the grant cannot drift
 * from the code: a new BatchGetCommand without its grant fails here, not in production.
 */
function actionsTheRepositoriesUse(): string[] {
  const dir = fileURLToPath(new URL('../../packages/data/src', import.meta.url));
  const source = readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts'))
    .map((f) => readFileSync(join(dir, f), 'utf8'))
    .join('\n');
  const commands: Record<string, string> = {
    GetCommand: 'GetItem',
    PutCommand: 'PutItem',
    UpdateCommand: 'UpdateItem',
    DeleteCommand: 'DeleteItem',
    QueryCommand: 'Query',
    ScanCommand: 'Scan',
    BatchGetCommand: 'BatchGetItem',
    BatchWriteCommand: 'BatchWriteItem',
  };
  const transactionItems: Record<string, string> = {
    Put: 'PutItem',
    Update: 'UpdateItem',
    Delete: 'DeleteItem',
    ConditionCheck: 'ConditionCheckItem',
  };
  const actions = new Set<string>();
  for (const [command, action] of Object.entries(commands)) {
    if (new RegExp(`new ${command}\\(`).test(source)) actions.add(action);
  }
  for (const [item, action] of Object.entries(transactionItems)) {
    if (new RegExp(`\\b${item}: \\{`).test(source)) actions.add(action);
  }
  return [...actions].map((a) => `dynamodb:${a}`).sort();
}
