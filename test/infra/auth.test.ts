import type { Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { synthApp } from './synth';

const TENANCY = ['role', 'countyId', 'villageId', 'userId', 'partnerId'];

describe('auth stack', () => {
  let auth: Template;
  let pool: Record<string, unknown> & { Properties: Record<string, unknown> };
  let client: Record<string, unknown>;

  beforeAll(() => {
    const { stacks, template } = synthApp();
    auth = template(stacks.auth);
    pool = Object.values(auth.findResources('AWS::Cognito::UserPool'))[0] as typeof pool;
    client = Object.values(auth.findResources('AWS::Cognito::UserPoolClient'))[0]?.Properties;
  });

  it('lets only admins create accounts', () => {
    expect(pool.Properties.AdminCreateUserConfig).toMatchObject({ AllowAdminCreateUserOnly: true });
  });

  it('declares the tenancy claims as immutable custom attributes', () => {
    const schema = pool.Properties.Schema as { Name: string; Mutable?: boolean; AttributeDataType: string }[];
    for (const name of TENANCY)
      expect(schema.find((a) => a.Name === name)).toMatchObject({
        AttributeDataType: 'String',
        Mutable: false,
      });
  });

  it('lets the app client read the tenancy attributes but never write them', () => {
    const read = client.ReadAttributes as string[];
    const write = client.WriteAttributes as string[];
    for (const name of TENANCY) expect(read).toContain(`custom:${name}`);
    expect(write.filter((a) => a.startsWith('custom:'))).toEqual([]);
    expect(write.length).toBeGreaterThan(0);
  });

  it('signs in with the authorization code flow, no client secret, back to the admin', () => {
    expect(client).toMatchObject({
      GenerateSecret: false,
      AllowedOAuthFlows: ['code'],
      AllowedOAuthFlowsUserPoolClient: true,
      SupportedIdentityProviders: ['COGNITO'],
    });
    expect(JSON.stringify(client.CallbackURLs)).toMatch(/https:\/\/.*\/auth\/callback/);
    expect(client.AllowedOAuthFlows).not.toContain('implicit');
  });

  it('retains the user pool and protects it from deletion', () => {
    expect(pool.DeletionPolicy).toBe('Retain');
    expect(pool.Properties.DeletionProtection).toBe('ACTIVE');
  });

  it('hosts sign-in on a Cognito domain', () => {
    auth.resourceCountIs('AWS::Cognito::UserPoolDomain', 1);
  });
});
