import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { publicRoutes } from '@xjf/api/public-routes';
import { type Surface, type SurfaceService, surfaceServices, surfaces } from '@xjf/api/routing';
import { TOKEN_AUDIENCE } from '@xjf/domain';
import type { CfnElement } from 'aws-cdk-lib';
import { Match, type Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { SYNTH_TIMEOUT, synthApp } from './synth';

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
  }, SYNTH_TIMEOUT);

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

  /** Each surface's function with its environment and the IAM statements of its role. */
  const surfaceFunctions = () =>
    (Object.values(api.findResources('AWS::Lambda::Function')) as Resource[]).map((fn) => {
      const surface = String(fn.Properties.Description).match(/^Xiaojifen API: (\w+) surface$/)?.[1];
      const roleId = (fn.Properties.Role as { 'Fn::GetAtt': [string] })['Fn::GetAtt'][0];
      const statements = (Object.values(api.findResources('AWS::IAM::Policy')) as Resource[])
        .filter((p) => JSON.stringify(p.Properties.Roles) === JSON.stringify([{ Ref: roleId }]))
        .flatMap((p) => (p.Properties.PolicyDocument as { Statement: Statement[] }).Statement);
      const variables = (fn.Properties.Environment as { Variables: Record<string, unknown> }).Variables;
      return { surface: surface as Surface, fn, statements, variables };
    });
  const withActions = (statements: Statement[], prefix: string) =>
    statements.filter((s) => [s.Action].flat().some((a) => a.startsWith(prefix)));

  it('runs one function per surface, each with the settings of what it uses and a log group with retention', () => {
    const fns = surfaceFunctions();
    expect(fns.map((f) => f.surface).sort()).toEqual([...surfaces].sort());
    // SMS is not configured here: its settings appear only with smsSignName (identity.test.ts).
    const settings: Record<SurfaceService, string[]> = {
      tokenSigner: [],
      sms: [],
      signingSeed: ['SIGNING_SEED_SECRET_ARN'],
      photos: ['PHOTO_BUCKET'],
    };
    for (const { surface, fn, variables } of fns) {
      expect(Object.keys(variables).sort(), surface).toEqual(
        [
          'NODE_OPTIONS',
          'TABLE_NAME',
          'TOKEN_ISSUER',
          'TOKEN_KEY_IDS',
          ...surfaceServices[surface].flatMap((service) => settings[service]),
        ].sort(),
      );
      expect(fn.Properties.Handler).toBe('index.handler');
      expect(fn.Properties.LoggingConfig).toMatchObject({
        LogFormat: 'JSON',
        LogGroup: { Ref: expect.any(String) },
      });
    }
    api.hasResourceProperties('AWS::Logs::LogGroup', { RetentionInDays: Match.anyValue() });
  });

  it('grants each function exactly the DynamoDB actions the repositories use, on the table and GSI1 only', () => {
    for (const { surface, statements } of surfaceFunctions()) {
      const rendered = withActions(statements, 'dynamodb:').map((s) => ({
        actions: [s.Action].flat().sort(),
        resource: JSON.stringify(s.Resource),
        effect: s.Effect,
      }));
      expect(rendered, surface).toHaveLength(2);
      expect(rendered[0]).toMatchObject({ effect: 'Allow', actions: actionsTheRepositoriesUse() });
      expect(rendered[0]?.resource).toContain(`${tableLogicalId}Arn`);
      expect(rendered[0]?.resource).not.toContain('/index/');
      expect(rendered[1]).toMatchObject({ effect: 'Allow', actions: ['dynamodb:Query'] });
      expect(rendered[1]?.resource).toContain(`${tableLogicalId}Arn`);
      expect(rendered[1]?.resource).toContain('"/index/GSI1"');
      for (const s of rendered) expect(s.resource).not.toMatch(/"\*"|index\/\*/);
    }
  });

  it('gives no function any Cognito action: sign-in is the API’s own', () => {
    for (const { surface, statements } of surfaceFunctions())
      expect(withActions(statements, 'cognito-'), surface).toEqual([]);
  });

  it('keeps the certificate signing seed in a secret that only the partner function reads', () => {
    const [secretId, ...others] = Object.keys(api.findResources('AWS::SecretsManager::Secret'));
    expect(others).toEqual([]);
    api.hasResourceProperties('AWS::SecretsManager::Secret', {
      GenerateSecretString: { PasswordLength: 64, ExcludePunctuation: true },
    });
    const readers = surfaceFunctions().filter((f) => withActions(f.statements, 'secretsmanager:').length > 0);
    expect(readers.map((f) => f.surface)).toEqual(['partner']);
    const [read, ...more] = withActions(readers[0]?.statements ?? [], 'secretsmanager:');
    expect(more).toEqual([]);
    expect([read?.Action].flat().sort()).toEqual([
      'secretsmanager:DescribeSecret',
      'secretsmanager:GetSecretValue',
    ]);
    expect(read?.Resource).toEqual({ Ref: secretId });
    // The only grant in the whole app: the jobs function never signs.
    const secretStatements = (t: Template) =>
      withActions(
        Object.values(t.findResources('AWS::IAM::Policy')).flatMap(
          (p) => ((p as Resource).Properties.PolicyDocument as { Statement: Statement[] }).Statement,
        ),
        'secretsmanager:',
      );
    expect(all.flatMap(secretStatements)).toHaveLength(1);
    expect(readers[0]?.variables).toMatchObject({ SIGNING_SEED_SECRET_ARN: { Ref: secretId } });
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
      JwtConfiguration: { Audience: [TOKEN_AUDIENCE], Issuer: Match.anyValue() },
    });
    // The issuer's discovery document and keys, and the sign-in steps, need no token.
    for (const key of [
      'GET /.well-known/openid-configuration',
      'GET /.well-known/jwks.json',
      'POST /api/auth/sign-in',
    ])
      expect(publicKeys).toContain(key);
  });

  it('lets only the admin origin call it cross-origin, with credentials (the refresh cookie)', () => {
    const [http] = Object.values(api.findResources('AWS::ApiGatewayV2::Api')) as Resource[];
    const cors = http?.Properties.CorsConfiguration as {
      AllowOrigins: unknown[];
      AllowCredentials: boolean;
      AllowHeaders: string[];
    };
    expect(cors.AllowOrigins).toHaveLength(1);
    expect(JSON.stringify(cors.AllowOrigins)).toMatch(/https:\/\/.*Cdn.*DomainName/);
    expect(cors.AllowCredentials).toBe(true);
    expect(cors.AllowHeaders).toEqual(['authorization', 'content-type', 'idempotency-key']);
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

  it('alarms on API 5xx, and on the errors and throttles of every function summed', () => {
    const alarms = Object.values(api.findResources('AWS::CloudWatch::Alarm')) as Resource[];
    expect(alarms.map((a) => a.Properties.MetricName).filter(Boolean)).toEqual(['5xx']);
    const summed = alarms
      .map(
        (a) =>
          a.Properties.Metrics as { Expression?: string; MetricStat?: { Metric: { MetricName: string } } }[],
      )
      .filter(Boolean);
    const names = summed.map((metrics) => [
      ...new Set(metrics.flatMap((m) => (m.MetricStat ? [m.MetricStat.Metric.MetricName] : []))),
    ]);
    expect(names.sort()).toEqual([['Errors'], ['Throttles']]);
    for (const metrics of summed) {
      expect(metrics.filter((m) => m.MetricStat)).toHaveLength(surfaces.length);
      expect(metrics.find((m) => m.Expression)?.Expression).toMatch(/^SUM\(\[m0(,m\d)+\]\)$/);
    }
  });
});

describe('api stack with an alarm e-mail', () => {
  it('mails every alarm through an SNS topic that requires TLS', { timeout: SYNTH_TIMEOUT }, () => {
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
