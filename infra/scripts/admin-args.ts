import { parseArgs } from 'node:util';
import { idSchema, nameText, phoneSchema, usernameSchema } from '@xjf/domain';
import * as z from 'zod';

const argsSchema = z
  .object({
    table: z.string().min(3, 'the Data stack output TableName'),
    region: z
      .string()
      .regex(/^[a-z]{2}(-gov)?-[a-z]+-\d$/, 'the region the stacks are deployed in, e.g. cn-northwest-1'),
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
      ['table', 'region', 'username', 'name', 'role', 'county-id', 'phone'].map((k) => [
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
    tableName: a.table,
    region: a.region,
    countyId: a['county-id'],
    user: { username: a.username, name: a.name, role: a.role, phone: a.phone },
  };
}
