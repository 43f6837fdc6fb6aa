import * as z from 'zod';
import { idSchema } from '../ids';
import { isoDateTime, nameText, optionalText, phoneSchema } from '../text';

export const relations = [
  '户主',
  '配偶',
  '子女',
  '儿媳',
  '女婿',
  '孙辈',
  '父母',
  '兄弟姐妹',
  '其他',
] as const;

export const memberInputSchema = z.strictObject({
  name: nameText(20).meta({ example: '罗先和' }),
  relation: z.enum(relations),
  phone: phoneSchema.optional(),
});

export const householdNumberSchema = z
  .string()
  .trim()
  .regex(/^[0-9A-Za-z-]{1,20}$/, '户号为 1–20 位数字、字母或 - (1–20 digits, letters or -)')
  .meta({ example: '0012' });

export const householdCreateSchema = z
  .strictObject({
    /** 户号: the number the village already uses on paper, unique in the village. */
    number: householdNumberSchema,
    /** 村民小组 */
    group: nameText(20).meta({ example: '第三组' }),
    address: optionalText(100),
    members: z
      .array(memberInputSchema)
      .min(1, '至少一名成员 (at least one member)')
      .max(30)
      .refine(
        (m) => m.filter((x) => x.relation === '户主').length === 1,
        '须有且只有一名户主 (exactly one head of household)',
      ),
  })
  .meta({ id: 'HouseholdCreate' });
export type HouseholdCreate = z.infer<typeof householdCreateSchema>;

export const memberSchema = memberInputSchema.extend({ id: idSchema }).meta({ id: 'Member' });
export type Member = z.infer<typeof memberSchema>;

export const householdSchema = z
  .object({
    id: idSchema,
    villageId: idSchema,
    number: z.string(),
    group: z.string(),
    address: z.string().optional(),
    headName: z.string(),
    members: z.array(memberSchema),
    createdAt: isoDateTime,
    updatedAt: isoDateTime,
  })
  .meta({ id: 'Household' });
export type Household = z.infer<typeof householdSchema>;

export const householdQuerySchema = z.strictObject({
  /** Part of a member's name or the household number. */
  q: z.string().trim().min(1).max(20).optional(),
  group: nameText(20).optional(),
  limit: z.coerce.number().int().min(1).max(100).optional(),
  cursor: z.string().max(2048).optional(),
});

/** What search matches: every member's name and the household number, in one string. */
export const householdSearchText = (h: { number: string; members: { name: string }[] }) =>
  [h.number, ...h.members.map((m) => m.name)].join(' ');

/** 罗先和 → 罗*和, 王强 → 王*: how a name appears on the public notice board. */
export function maskName(name: string): string {
  const chars = [...name];
  if (chars.length <= 1) return name;
  if (chars.length === 2) return `${chars[0]}*`;
  return `${chars[0]}${'*'.repeat(chars.length - 2)}${chars[chars.length - 1]}`;
}
