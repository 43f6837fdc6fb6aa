import * as z from 'zod';
import { idSchema } from '../ids';
import { tiersSchema } from '../partners/tiers';
import { isoDateTime, nameText, optionalText } from '../text';

/** Points on a single record stay within what any real scheme awards or deducts at once. */
export const MAX_RULE_POINTS = 10_000;

export const ruleCodeSchema = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z0-9][A-Z0-9_-]{0,31}$/, '编码为 1–32 位字母、数字、- 或 _ (1–32 letters, digits, - or _)')
  .meta({ example: 'ECO-HOMESTEAD' });

const rulePoints = z
  .int('分值须为整数 (whole points)')
  .min(-MAX_RULE_POINTS)
  .max(MAX_RULE_POINTS)
  .refine((n) => n !== 0, '分值不能为 0 (points cannot be 0)');

/** A measured quantity or unit size: positive, at most two decimals (0.5 亩, 12.5 m²). */
const measure = z
  .number()
  .positive('须大于 0 (must be positive)')
  .max(1_000_000)
  .refine(
    (n) => Number.isInteger(Math.round(n * 100)) && Math.abs(n * 100 - Math.round(n * 100)) < 1e-6,
    '最多两位小数 (at most 2 decimals)',
  );

export const unitLabels = ['m²', '亩', '小时', '次', '户', '人', '天', '公里', '棵', '千克'] as const;

export const ruleShapeSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('fixed'),
    /** Per occurrence; negative is a deduction (扣分). */
    points: rulePoints,
  }),
  z.strictObject({
    kind: z.literal('perUnit'),
    /** P points for every full S units, rounded down. */
    points: rulePoints,
    unitSize: measure,
    unit: z.enum(unitLabels),
  }),
]);
export type RuleShape = z.infer<typeof ruleShapeSchema>;

export const capPeriods = ['month', 'quarter', 'year', 'ever'] as const;
export const capSchema = z
  .strictObject({
    /** The most points (in magnitude, for a deduction) one account gets under this rule per period. */
    maxPoints: z.int().positive().max(1_000_000).optional(),
    maxOccurrences: z.int().positive().max(10_000).optional(),
    period: z.enum(capPeriods),
  })
  .refine((c) => c.maxPoints !== undefined || c.maxOccurrences !== undefined, {
    message: '封顶需给出分数或次数上限 (give a points or an occurrence limit)',
    path: ['maxPoints'],
  });
export type Cap = z.infer<typeof capSchema>;

export const ruleSchema = z
  .strictObject({
    code: ruleCodeSchema,
    name: nameText(40).meta({ example: '宅基地' }),
    category: nameText(20).meta({ example: '生态资产' }),
    description: optionalText(500),
    shape: ruleShapeSchema,
    cap: capSchema.optional(),
    evidenceRequired: z.boolean().default(false),
    selfDeclarable: z.boolean().default(false),
  })
  .meta({ id: 'Rule' });
export type Rule = z.infer<typeof ruleSchema>;

/** What an editor changes: the categories and rules of a set. Codes are unique; categories exist. */
export const ruleSetContentSchema = z
  .strictObject({
    categories: z.array(nameText(20)).max(50),
    rules: z.array(ruleSchema).max(300),
  })
  .superRefine((content, ctx) => {
    const seenCategories = new Set<string>();
    content.categories.forEach((category, i) => {
      if (seenCategories.has(category)) {
        ctx.addIssue({
          code: 'custom',
          path: ['categories', i],
          message: `类别「${category}」重复 (duplicate category)`,
        });
      }
      seenCategories.add(category);
    });
    const seenCodes = new Set<string>();
    content.rules.forEach((rule, i) => {
      if (seenCodes.has(rule.code)) {
        ctx.addIssue({
          code: 'custom',
          path: ['rules', i, 'code'],
          message: `编码 ${rule.code} 重复 (duplicate code)`,
        });
      }
      seenCodes.add(rule.code);
      if (!seenCategories.has(rule.category)) {
        ctx.addIssue({
          code: 'custom',
          path: ['rules', i, 'category'],
          message: `类别「${rule.category}」不在类别列表中 (unknown category)`,
        });
      }
    });
  })
  .meta({ id: 'RuleSetContent' });
export type RuleSetContent = z.infer<typeof ruleSetContentSchema>;

export const accountHolders = ['household', 'member'] as const;

/**
 * Whether spendable points lapse: never, or every year on a day (MM-DD, China time), when the
 * balance still unspent from before that day is cleared. Points earned (荣誉积分) are kept.
 */
export const expirySchema = z
  .discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('none') }),
    z.strictObject({
      kind: z.literal('annual'),
      on: z
        .string()
        .regex(/^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, '格式为 月-日，如 01-01 (MM-DD)')
        .refine((d) => d !== '02-29', '请不要选 2 月 29 日 (not 29 February)')
        .meta({ example: '01-01' }),
    }),
  ])
  .meta({ id: 'Expiry' });
export type Expiry = z.infer<typeof expirySchema>;

export const programCreateSchema = z
  .strictObject({
    name: nameText(30).meta({ example: '文明积分' }),
    description: optionalText(300),
    /** Points are kept per household (户) or per person (人), a village's choice. */
    accountHolder: z.enum(accountHolders).default('household'),
    expiry: expirySchema.default({ kind: 'none' }),
    /** Tiers on points earned, for partners (a bank's loan rate); none by default. */
    tiers: tiersSchema.optional(),
  })
  .meta({ id: 'ProgramCreate' });

export const programPatchSchema = z
  .strictObject({
    description: optionalText(300),
    expiry: expirySchema.optional(),
    /** `null` removes the tiers. */
    tiers: z.union([tiersSchema, z.null()]).optional(),
  })
  .refine((p) => Object.keys(p).length > 0, '没有要修改的内容 (nothing to change)')
  .meta({ id: 'ProgramPatch' });
export type ProgramPatch = z.infer<typeof programPatchSchema>;
export type ProgramCreate = z.infer<typeof programCreateSchema>;

/** Whose a program is: a village's own, or its county's, run in every village (全县统一). */
export const programScopes = ['village', 'county'] as const;
export type ProgramScope = (typeof programScopes)[number];

export const programSchema = z
  .object({
    id: idSchema,
    /** Absent on a county-wide program. */
    villageId: idSchema.optional(),
    /** Stored only on county programs; a village's own programs read as `village`. */
    scope: z.enum(programScopes).default('village'),
    name: z.string(),
    description: z.string().optional(),
    accountHolder: z.enum(accountHolders),
    /** Absent on programs made before expiry existed: they never expire. */
    expiry: expirySchema.optional(),
    tiers: tiersSchema.optional(),
    ruleSetId: idSchema.optional(),
    createdAt: isoDateTime,
  })
  .meta({ id: 'Program' });
export type Program = z.infer<typeof programSchema>;

export const templateIdSchema = z
  .string()
  .regex(/^(builtin:[a-z0-9-]{2,40}|county:[0-9a-z]{16})$/, '无效的模板 (invalid template id)')
  .meta({ example: 'builtin:dafang-eco' });

export const ruleSetCreateSchema = z
  .strictObject({
    programId: idSchema,
    name: nameText(40).meta({ example: '银川村生态积分细则' }),
    /** Start from a template; without one the draft starts empty. */
    templateId: templateIdSchema.optional(),
  })
  .meta({ id: 'RuleSetCreate' });
export type RuleSetCreate = z.infer<typeof ruleSetCreateSchema>;

export const ruleSetDraftSchema = z
  .strictObject({
    name: nameText(40).optional(),
    content: ruleSetContentSchema,
    /** The latest published version the editor started from (0 if none): a stale editor gets a 409. */
    baseVersion: z.int().min(0),
  })
  .meta({ id: 'RuleSetDraft' });
export type RuleSetDraft = z.infer<typeof ruleSetDraftSchema>;

export const publishSchema = z
  .strictObject({
    /** The day the version takes effect (China time); points recorded from then on use it. */
    effectiveFrom: z.iso.date().meta({ example: '2026-06-01' }),
    note: optionalText(200),
  })
  .meta({ id: 'Publish' });
export type Publish = z.infer<typeof publishSchema>;

export const ruleSetVersionSchema = z
  .object({
    ruleSetId: idSchema,
    version: z.int().positive(),
    name: z.string(),
    content: ruleSetContentSchema,
    effectiveFrom: z.iso.date(),
    publishedAt: isoDateTime,
    publishedBy: z.string(),
    note: z.string().optional(),
  })
  .meta({ id: 'RuleSetVersion' });
export type RuleSetVersion = z.infer<typeof ruleSetVersionSchema>;

export const ruleSetSchema = z
  .object({
    id: idSchema,
    /** Absent on a county program's rule set. */
    villageId: idSchema.optional(),
    scope: z.enum(programScopes).default('village'),
    programId: idSchema,
    name: z.string(),
    /** 0 until first published. */
    latestVersion: z.int().min(0),
    /** When the latest version takes effect; lists show it without reading versions. */
    latestEffectiveFrom: z.iso.date().optional(),
    draft: z
      .object({ content: ruleSetContentSchema, baseVersion: z.int().min(0), updatedAt: isoDateTime })
      .optional(),
    versions: z
      .array(
        ruleSetVersionSchema.pick({
          version: true,
          effectiveFrom: true,
          publishedAt: true,
          publishedBy: true,
          note: true,
        }),
      )
      .optional(),
    createdAt: isoDateTime,
    updatedAt: isoDateTime,
  })
  .meta({ id: 'RuleSet' });
export type RuleSet = z.infer<typeof ruleSetSchema>;

export const previewSchema = z
  .strictObject({
    ruleCode: ruleCodeSchema,
    /** Required for per-unit rules. */
    quantity: measure.optional(),
    /** What the account already got under this rule in the cap period. */
    usage: z
      .strictObject({ points: z.int().min(0), occurrences: z.int().min(0) })
      .default({ points: 0, occurrences: 0 }),
    /** Which version to evaluate: the draft, or a published version number (default: the draft if any, else latest). */
    version: z.union([z.literal('draft'), z.int().positive()]).optional(),
  })
  .meta({ id: 'Preview' });
export type Preview = z.infer<typeof previewSchema>;

export const evaluationSchema = z
  .object({
    points: z.int(),
    uncapped: z.int(),
    capped: z.boolean(),
    explanation: z.object({ zh: z.string(), en: z.string() }),
  })
  .meta({ id: 'Evaluation' });
export type Evaluation = z.infer<typeof evaluationSchema>;

export const templateSchema = z
  .object({
    id: templateIdSchema,
    name: z.string(),
    description: z.string(),
    source: z.enum(['builtin', 'county']),
    content: ruleSetContentSchema,
  })
  .meta({ id: 'RuleTemplate' });
export type RuleTemplate = z.infer<typeof templateSchema>;

export const countyTemplateCreateSchema = z
  .strictObject({
    name: nameText(40),
    description: optionalText(300).default(''),
    content: ruleSetContentSchema,
  })
  .meta({ id: 'CountyTemplateCreate' });
export type CountyTemplateCreate = z.infer<typeof countyTemplateCreateSchema>;

/** The calendar day in China (UTC+8, no daylight saving): when a version takes effect. */
export const chinaDate = (now: Date): string =>
  new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
