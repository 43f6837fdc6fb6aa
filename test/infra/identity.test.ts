import { type Surface, surfaceServices, surfaces } from '@xjf/api/routing';
import type { CfnElement } from 'aws-cdk-lib';
import type { Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { GLOBAL_FULL, SYNTH_TIMEOUT, synthApp } from './synth';

type Resource = { Type: string; Properties: Record<string, unknown>; DeletionPolicy?: string };
type Statement = { Action: string | string[]; Resource: unknown; Effect: string };

const RETIRED = 'arn:aws:kms:ap-southeast-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab';

/** Each API function's surface, environment and IAM statements, from the Api template. */
function apiFunctions(api: Template) {
  return (Object.values(api.findResources('AWS::Lambda::Function')) as Resource[]).map((fn) => {
    const surface = String(fn.Properties.Description).match(/^Xiaojifen API: (\w+) surface$/)?.[1] as Surface;
    const roleId = (fn.Properties.Role as { 'Fn::GetAtt': [string] })['Fn::GetAtt'][0];
    const statements = (Object.values(api.findResources('AWS::IAM::Policy')) as Resource[])
      .filter((p) => JSON.stringify(p.Properties.Roles) === JSON.stringify([{ Ref: roleId }]))
      .flatMap((p) => (p.Properties.PolicyDocument as { Statement: Statement[] }).Statement);
    const variables = (fn.Properties.Environment as { Variables: Record<string, unknown> }).Variables;
    return { surface, statements, variables };
  });
}

/** The resources a function may call `action` on, each as JSON. */
const allowed = (statements: Statement[], action: string) =>
  statements
    .filter((s) => s.Effect === 'Allow' && [s.Action].flat().includes(action))
    .flatMap((s) => [s.Resource].flat().map((r) => JSON.stringify(r)));

describe('identity stack, global partition, defaults', () => {
  let synth: ReturnType<typeof synthApp>;
  let identity: Template;
  let api: Template;
  let keyOutput: string;

  beforeAll(() => {
    synth = synthApp();
    identity = synth.template(synth.stacks.identity);
    api = synth.template(synth.stacks.api);
    const keyId = synth.stacks.identity.getLogicalId(
      synth.stacks.identity.tokenKey.node.defaultChild as CfnElement,
    );
    keyOutput = keyId;
  }, SYNTH_TIMEOUT);

  it('signs tokens with a retained RSA 2048 KMS key, and has no user pool', () => {
    const keys = Object.entries(identity.findResources('AWS::KMS::Key')) as [string, Resource][];
    expect(keys).toHaveLength(1);
    const [id, key] = keys[0] ?? [];
    expect(id).toMatch(/^TokenKey[0-9A-F]{8}$/);
    expect(key?.Properties).toMatchObject({ KeySpec: 'RSA_2048', KeyUsage: 'SIGN_VERIFY' });
    expect(key?.Properties.EnableKeyRotation).toBeUndefined();
    expect(key?.DeletionPolicy).toBe('Retain');
    for (const stack of Object.values(synth.stacks))
      expect(JSON.stringify(synth.template(stack).toJSON())).not.toMatch(/Cognito|cognito-idp|USER_POOL/);
  });

  it('has no SMS secret when SMS is not configured, and no stack termination protection outside prod', () => {
    identity.resourceCountIs('AWS::SecretsManager::Secret', 0);
    expect(synth.stacks.identity.terminationProtection).toBe(false);
  });

  it('lets only the auth surface sign, with the current key; every function reads the public keys', () => {
    const fns = apiFunctions(api);
    expect(fns.map((f) => f.surface).sort()).toEqual([...surfaces].sort());
    const signers = surfaces.filter((s) => surfaceServices[s].includes('tokenSigner'));
    expect(signers).toEqual(['auth']);
    for (const { surface, statements, variables } of fns) {
      const sign = allowed(statements, 'kms:Sign');
      const publicKeys = allowed(statements, 'kms:GetPublicKey');
      expect(publicKeys, surface).toHaveLength(1);
      expect(publicKeys[0], surface).toContain(keyOutput);
      expect(sign, surface).toEqual(signers.includes(surface) ? publicKeys : []);
      // Nothing else of KMS: no decrypt, no wildcard.
      const kms = statements.flatMap((s) => [s.Action].flat()).filter((a) => a.startsWith('kms:'));
      expect([...new Set(kms)].sort(), surface).toEqual(
        signers.includes(surface) ? ['kms:GetPublicKey', 'kms:Sign'] : ['kms:GetPublicKey'],
      );
      expect(JSON.stringify(variables.TOKEN_KEY_IDS)).toContain(keyOutput);
      expect(variables).not.toHaveProperty('SMS_SECRET_ARN');
    }
  });

  it('issues tokens as the API’s own default endpoint, for the xiaojifen audience', () => {
    const [authorizer] = Object.values(api.findResources('AWS::ApiGatewayV2::Authorizer')) as Resource[];
    const httpId = Object.keys(api.findResources('AWS::ApiGatewayV2::Api'))[0];
    expect(authorizer?.Properties.JwtConfiguration).toEqual({
      Audience: ['xiaojifen'],
      Issuer: { 'Fn::GetAtt': [httpId, 'ApiEndpoint'] },
    });
    for (const { variables } of apiFunctions(api))
      expect(variables.TOKEN_ISSUER).toEqual({ 'Fn::GetAtt': [httpId, 'ApiEndpoint'] });
  });
});

describe('identity stack, global partition, everything configured', () => {
  let synth: ReturnType<typeof synthApp>;
  let identity: Template;
  let api: Template;

  beforeAll(() => {
    synth = synthApp({
      ...GLOBAL_FULL,
      stage: 'prod',
      tokenKeyGeneration: '2',
      nextTokenKey: 'true',
      retiredTokenKeyArns: [RETIRED],
    });
    identity = synth.template(synth.stacks.identity);
    api = synth.template(synth.stacks.api);
  }, SYNTH_TIMEOUT);

  it('is termination-protected in prod', () => {
    expect(synth.stacks.identity.terminationProtection).toBe(true);
  });

  it('signs with the current generation’s key and publishes the next one and the retired ones', () => {
    const keyIds = Object.keys(identity.findResources('AWS::KMS::Key')).sort();
    expect(keyIds).toEqual([
      expect.stringMatching(/^TokenKey2[0-9A-F]{8}$/),
      expect.stringMatching(/^TokenKey3[0-9A-F]{8}$/),
    ]);
    const [current, next] = keyIds as [string, string];
    identity.hasOutput('NextTokenKeyArn', {});
    for (const { surface, statements, variables } of apiFunctions(api)) {
      // The signing key first (read from the Identity stack), then the next one, then the retired ARN.
      const keys = variables.TOKEN_KEY_IDS as { 'Fn::Join': [string, unknown[]] };
      expect(keys['Fn::Join'][0]).toBe('');
      const parts = keys['Fn::Join'][1].map((part) => JSON.stringify(part));
      expect(parts).toHaveLength(4);
      expect(parts[0]).toContain(current);
      expect(parts[1]).toBe('","');
      expect(parts[2]).toContain(next);
      expect(parts[3]).toBe(JSON.stringify(`,${RETIRED}`));
      const publicKeys = allowed(statements, 'kms:GetPublicKey');
      expect(publicKeys, surface).toHaveLength(3);
      expect(publicKeys).toContain(JSON.stringify(RETIRED));
      // Only the current key signs: neither the next one nor the retired ones.
      const sign = allowed(statements, 'kms:Sign');
      expect(sign, surface).toHaveLength(surface === 'auth' ? 1 : 0);
      for (const resource of sign) expect(resource).toContain(current);
    }
  });

  it('keeps the SMS credentials in a secret only the auth surface reads, with the SMS settings', () => {
    const [secretId, ...more] = Object.keys(identity.findResources('AWS::SecretsManager::Secret'));
    expect(more).toEqual([]);
    identity.hasResourceProperties('AWS::SecretsManager::Secret', {
      GenerateSecretString: {
        SecretStringTemplate: '{"accessKeyId":"REPLACE_ME"}',
        GenerateStringKey: 'accessKeySecret',
      },
    });
    identity.hasOutput('SmsSecretArn', {});
    for (const { surface, statements, variables } of apiFunctions(api)) {
      const reads = allowed(statements, 'secretsmanager:GetSecretValue').filter((r) =>
        r.includes(secretId ?? '?'),
      );
      if (surface !== 'auth') {
        expect(reads, surface).toEqual([]);
        expect(
          Object.keys(variables).filter((k) => k.startsWith('SMS_')),
          surface,
        ).toEqual([]);
        continue;
      }
      expect(reads).toHaveLength(1);
      expect(variables).toMatchObject({ SMS_SIGN_NAME: '小积分', SMS_TEMPLATE_CODE: 'SMS_123456789' });
      expect(JSON.stringify(variables.SMS_SECRET_ARN)).toContain(secretId);
    }
  });

  it('serves the API at api.<domain> only, which is the issuer', () => {
    api.hasResourceProperties('AWS::ApiGatewayV2::Api', { DisableExecuteApiEndpoint: true });
    api.hasResourceProperties('AWS::ApiGatewayV2::Authorizer', {
      JwtConfiguration: { Issuer: `https://api.${GLOBAL_FULL.domainName}`, Audience: ['xiaojifen'] },
    });
    api.hasResourceProperties('AWS::ApiGatewayV2::DomainName', {
      DomainName: `api.${GLOBAL_FULL.domainName}`,
      DomainNameConfigurations: [{ CertificateArn: GLOBAL_FULL.apiCertificateArn, EndpointType: 'REGIONAL' }],
    });
    for (const { variables } of apiFunctions(api))
      expect(variables.TOKEN_ISSUER).toBe(`https://api.${GLOBAL_FULL.domainName}`);
  });
});
