import { createDb, createUser, getCounty } from '@xjf/data';
import { adminArgs } from './admin-args';

/**
 * Creates the first platform operator, or a county's first admin, exactly as the API creates
 * users: the user and its password credential (a one-time password, hashed with scrypt, to be
 * changed at first sign-in) in one transaction. Needs credentials for the deployment's account.
 *   npm run create-admin -w @xjf/infra -- --table <Data TableName> --region cn-northwest-1 \
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
const user = await createUser(db, scope, args.user, 'create-admin', new Date());
console.log(`created ${user.username} (${user.role}, userId ${user.id})`);
console.log(
  `one-time password, to hand over in person (changed at first sign-in): ${user.temporaryPassword}`,
);
