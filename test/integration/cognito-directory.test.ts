import {
  CognitoIdentityProviderClient,
  UsernameExistsException,
} from '@aws-sdk/client-cognito-identity-provider';
import { createUser, getUsername } from '@xjf/data';
import { NotFoundError } from '@xjf/domain';
import { cognitoDirectory, temporaryPassword } from '@xjf/http/cognito';
import { beforeAll, describe, expect, it } from 'vitest';
import { testApp } from '../support/app';

type Sent = { command: string; input: Record<string, unknown> };

/**
 * A Cognito client whose requests are answered in-process: Cognito has no local edition, so the
 * test records what would be sent (and can refuse a username) while DynamoDB stays real.
 */
function fakeCognito(existing: Set<string>) {
  const sent: Sent[] = [];
  const client = new CognitoIdentityProviderClient({
    region: 'ap-southeast-1',
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
  });
  client.middlewareStack.add(
    (_next, context) => async (args) => {
      const input = args.input as Record<string, unknown>;
      sent.push({ command: String(context.commandName), input });
      if (context.commandName === 'AdminCreateUserCommand' && existing.has(String(input.Username))) {
        throw new UsernameExistsException({ message: 'exists', $metadata: {} });
      }
      return { output: { $metadata: {} }, response: {} };
    },
    { step: 'initialize', name: 'answer-locally' },
  );
  return { client, sent };
}

let db: Awaited<ReturnType<typeof testApp>>['db'];
beforeAll(async () => {
  db = (await testApp()).db;
});

describe('users in the Cognito user pool', () => {
  it('creates the account with immutable tenancy attributes and hands back a one-time password', async () => {
    const cognito = fakeCognito(new Set());
    const directory = cognitoDirectory({ userPoolId: 'pool', client: cognito.client });
    const user = await createUser(
      db,
      { countyId: 'c'.repeat(16), villageId: 'v'.repeat(16) },
      { username: 'yinchuan.recorder', name: '杨春燕', role: 'recorder', phone: '13985710002' },
      'admin',
      new Date(),
      directory,
    );
    expect(user.temporaryPassword).toMatch(/^[A-Za-z0-9]{4}-[A-Za-z0-9]{4}-[A-Za-z0-9]{4}$/);
    expect(cognito.sent).toEqual([
      {
        command: 'AdminCreateUserCommand',
        input: expect.objectContaining({
          UserPoolId: 'pool',
          Username: 'yinchuan.recorder',
          MessageAction: 'SUPPRESS',
          TemporaryPassword: user.temporaryPassword,
          UserAttributes: expect.arrayContaining([
            { Name: 'custom:role', Value: 'recorder' },
            { Name: 'custom:userId', Value: user.id },
            { Name: 'custom:countyId', Value: 'c'.repeat(16) },
            { Name: 'custom:villageId', Value: 'v'.repeat(16) },
            { Name: 'phone_number', Value: '+8613985710002' },
          ]),
        }),
      },
    ]);
  });

  it('answers 409 when the pool already has the username, and writes nothing', async () => {
    const cognito = fakeCognito(new Set(['taken.in.pool']));
    const directory = cognitoDirectory({ userPoolId: 'pool', client: cognito.client });
    await expect(
      createUser(
        db,
        { countyId: 'c'.repeat(16) },
        { username: 'taken.in.pool', name: '甲', role: 'county_official' },
        'a',
        new Date(),
        directory,
      ),
    ).rejects.toMatchObject({ status: 409, code: 'username_taken' });
    await expect(getUsername(db, 'taken.in.pool')).rejects.toBeInstanceOf(NotFoundError);
  });

  it('removes the new account again when the table refuses the user', async () => {
    await createUser(
      db,
      { countyId: 'c'.repeat(16) },
      { username: 'only.in.table', name: '乙', role: 'county_official' },
      'a',
      new Date(),
    );
    const cognito = fakeCognito(new Set());
    const directory = cognitoDirectory({ userPoolId: 'pool', client: cognito.client });
    await expect(
      createUser(
        db,
        { countyId: 'c'.repeat(16) },
        { username: 'only.in.table', name: '丙', role: 'county_official' },
        'a',
        new Date(),
        directory,
      ),
    ).rejects.toMatchObject({ code: 'username_taken' });
    expect(cognito.sent.map((s) => s.command)).toEqual(['AdminCreateUserCommand', 'AdminDeleteUserCommand']);
  });

  it('makes passwords that meet the default Cognito policy', () => {
    for (let i = 0; i < 50; i++) {
      const password = temporaryPassword();
      expect(password).toMatch(/[A-Z]/);
      expect(password).toMatch(/[a-z]/);
      expect(password).toMatch(/[0-9]/);
      expect(password).toMatch(/[^A-Za-z0-9]/);
      expect(password.length).toBeGreaterThanOrEqual(12);
    }
  });
});
