import { parseArgs } from 'node:util';
import { idSchema, nameText, phoneSchema, usernameSchema } from '@xjf/domain';
import * as z from 'zod';

const argsSchema = z
  .object({
    'user-pool-id': z
      .string()
      .regex(/^[a-z]{2}(?:-[a-z]+)+-\d_[A-Za-z0-9]+$/, 'e.g. ap-southeast-1_AbC123 (Auth stack output)'),
    table: z.string().min(3, 'the Data stack output TableName'),
    username: usernameSchema,
    name: nameText(20),
    role: z.enum(['platform_operator', 'county_admin']),
    'county-id': idSchema.optional(),
    phone: phoneSchema.optional(),
  })
  .refine((a) => (a.role === 'county_admin') === Boolean(a['county-id']), {
    message: 'required for county_admin, not allowed for platform_operator',
    path: ['county-id'],
  });

/** The first accounts only; everyone else is created in the admin by these. */
export function adminArgs(argv: string[]) {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    options: Object.fromEntries(
      ['user-pool-id', 'table', 'username', 'name', 'role', 'county-id', 'phone'].map((k) => [
        k,
        { type: 'string' },
      ]),
    ),
  });
  const parsed = argsSchema.safeParse(values);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`--${issue?.path.join('.')}: ${issue?.message}`);
  }
  const a = parsed.data;
  return {
    userPoolId: a['user-pool-id'],
    region: a['user-pool-id'].split('_')[0] ?? '',
    tableName: a.table,
    countyId: a['county-id'],
    user: { username: a.username, name: a.name, role: a.role, phone: a.phone },
  };
}
