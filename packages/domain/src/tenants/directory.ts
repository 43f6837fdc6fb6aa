import type { User } from './schemas';

/**
 * Where people sign in: Cognito in AWS; nothing locally, where the dev sign-in reads the
 * table. A user is provisioned there before the table write, so the directory's username
 * uniqueness and ours agree; `undo` removes the account if the table write then fails.
 */
export interface UserDirectory {
  provision(user: User): Promise<{ temporaryPassword?: string; undo(): Promise<void> }>;
}

export const noUserDirectory: UserDirectory = {
  provision: async () => ({ undo: async () => {} }),
};
