import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { createDb, createUser, getCounty } from '@xjf/data';
import { cognitoDirectory } from '@xjf/http/cognito';
import { adminArgs } from './admin-args';

/**
 * Creates the first platform operator, or a county's first admin, exactly as the API creates
 * users: the Cognito account with its tenancy attributes, then the user record in the table.
 *   npm run create-admin -w @xjf/infra -- --user-pool-id <Auth UserPoolId> --table <Data TableName> \
 *     --username ops.admin --name 张三 --role platform_operator
 *   … --role county_admin --county-id <16-character county id> --phone 13800138000
 */
let args: ReturnType<typeof adminArgs>;
try {
  args = adminArgs(process.argv.slice(2));
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(2);
}
const db = createDb({ tableName: args.tableName, region: args.region });
const scope = args.countyId ? { countyId: args.countyId } : {};
if (args.countyId) await getCounty(db, { countyId: args.countyId });
const directory = cognitoDirectory({
  userPoolId: args.userPoolId,
  client: new CognitoIdentityProviderClient({ region: args.region }),
});
const user = await createUser(db, scope, args.user, 'create-admin', new Date(), directory);
console.log(`created ${user.username} (${user.role}, userId ${user.id})`);
console.log(
  `one-time password, to hand over in person (changed at first sign-in): ${user.temporaryPassword}`,
);
