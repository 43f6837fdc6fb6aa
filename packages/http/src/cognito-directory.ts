import { randomInt } from 'node:crypto';
import {
  AdminCreateUserCommand,
  AdminDeleteUserCommand,
  CognitoIdentityProviderClient,
  UsernameExistsException,
} from '@aws-sdk/client-cognito-identity-provider';
import { usernameTaken } from '@xjf/data';
import type { User, UserDirectory } from '@xjf/domain';

const LOWER = 'abcdefghjkmnpqrstuvwxyz';
const UPPER = 'ABCDEFGHJKLMNPQRSTUVWXYZ';
const DIGITS = '23456789';
const pick = (set: string) => set[randomInt(set.length)];

/**
 * A one-time password an admin reads out to the new user in person (village staff often have
 * no email): 12 characters in three groups, meeting Cognito's default policy; changed at first sign-in.
 */
export function temporaryPassword(): string {
  const group = () => `${pick(UPPER)}${pick(LOWER)}${pick(DIGITS)}${pick(LOWER)}`;
  return `${group()}-${group()}-${group()}`;
}

function attributes(user: User) {
  const list = [
    { Name: 'name', Value: user.name },
    { Name: 'custom:role', Value: user.role },
    { Name: 'custom:userId', Value: user.id },
  ];
  if (user.countyId) list.push({ Name: 'custom:countyId', Value: user.countyId });
  if (user.villageId) list.push({ Name: 'custom:villageId', Value: user.villageId });
  if (user.partnerId) list.push({ Name: 'custom:partnerId', Value: user.partnerId });
  if (user.phone) list.push({ Name: 'phone_number', Value: `+86${user.phone}` });
  return list;
}

/** Creates sign-in accounts in the Cognito user pool with the immutable tenancy attributes. */
export function cognitoDirectory(config: {
  userPoolId: string;
  client?: CognitoIdentityProviderClient;
}): UserDirectory {
  const client = config.client ?? new CognitoIdentityProviderClient({});
  return {
    async provision(user) {
      const password = temporaryPassword();
      try {
        await client.send(
          new AdminCreateUserCommand({
            UserPoolId: config.userPoolId,
            Username: user.username,
            TemporaryPassword: password,
            // The admin hands the password over; Cognito sends nothing (SMS needs extra setup in China).
            MessageAction: 'SUPPRESS',
            UserAttributes: attributes(user),
          }),
        );
      } catch (error) {
        if (error instanceof UsernameExistsException) throw usernameTaken(user.username);
        throw error;
      }
      return {
        temporaryPassword: password,
        undo: async () => {
          await client.send(
            new AdminDeleteUserCommand({ UserPoolId: config.userPoolId, Username: user.username }),
          );
        },
      };
    },
  };
}
