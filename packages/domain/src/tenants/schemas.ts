import * as z from 'zod';
import { roleSchema } from '../actor';
import { idSchema, inviteCodeSchema } from '../ids';
import { isoDateTime, nameText, optionalText, phoneSchema, usernameSchema } from '../text';

export const countyCreateSchema = z
  .strictObject({
    name: nameText(30).meta({ example: '大方县' }),
    province: nameText(20).meta({ example: '贵州省' }),
    divisionCode: z
      .string()
      .regex(/^\d{6}$/, '行政区划代码为 6 位数字 (a 6-digit division code)')
      .optional()
      .meta({ example: '520521' }),
  })
  .meta({ id: 'CountyCreate' });
export type CountyCreate = z.infer<typeof countyCreateSchema>;

export const countySchema = z
  .object({
    id: idSchema,
    name: z.string(),
    province: z.string(),
    divisionCode: z.string().optional(),
    createdAt: isoDateTime,
  })
  .meta({ id: 'County' });
export type County = z.infer<typeof countySchema>;

export const townshipCreateSchema = z
  .strictObject({ name: nameText(30).meta({ example: '凤山乡' }) })
  .meta({ id: 'TownshipCreate' });
export type TownshipCreate = z.infer<typeof townshipCreateSchema>;

export const townshipSchema = z
  .object({ id: idSchema, countyId: idSchema, name: z.string(), createdAt: isoDateTime })
  .meta({ id: 'Township' });
export type Township = z.infer<typeof townshipSchema>;

export const inviteCreateSchema = z
  .strictObject({
    townshipId: idSchema,
    expiresInDays: z.int().min(1).max(90).default(14),
    note: optionalText(100).meta({ example: '给银川村支书' }),
  })
  .meta({ id: 'InviteCreate' });
export type InviteCreate = z.infer<typeof inviteCreateSchema>;

export const inviteStatusSchema = z.enum(['active', 'used', 'expired']);
export type InviteStatus = z.infer<typeof inviteStatusSchema>;

export const inviteSchema = z
  .object({
    code: z.string(),
    countyId: idSchema,
    townshipId: idSchema,
    note: z.string().optional(),
    status: inviteStatusSchema,
    createdAt: isoDateTime,
    createdBy: idSchema,
    expiresAt: isoDateTime,
    usedAt: isoDateTime.optional(),
    villageId: idSchema.optional(),
  })
  .meta({ id: 'Invite' });
export type Invite = z.infer<typeof inviteSchema>;

const villageDetails = {
  name: nameText(30).meta({ example: '银川村' }),
  householdCount: z.int().min(0).max(100_000).optional().meta({ example: 412 }),
  population: z.int().min(0).max(500_000).optional().meta({ example: 1630 }),
  contactName: optionalText(20).meta({ example: '王支书' }),
  contactPhone: phoneSchema.optional(),
  description: optionalText(500),
  /** Days approved points stay on the public notice board (公示) before they count; 0 turns posting off. */
  postingDays: z.int().min(0).max(30).optional().meta({ example: 3 }),
  /**
   * 乡镇审核: the township's reviewers may approve and reject this village's points, for villages
   * with one cadre, who may not approve what they recorded themselves.
   */
  townshipReview: z.boolean().optional(),
};

export const villageDetailsSchema = z.strictObject(villageDetails).meta({ id: 'VillageDetails' });
export type VillageDetails = z.infer<typeof villageDetailsSchema>;

/** Changed fields only; `null` clears an optional field (the name cannot be cleared). */
export const villagePatchSchema = z
  .strictObject({
    name: villageDetails.name.optional(),
    householdCount: villageDetails.householdCount.nullable(),
    population: villageDetails.population.nullable(),
    contactName: villageDetails.contactName.nullable(),
    contactPhone: villageDetails.contactPhone.nullable(),
    description: villageDetails.description.nullable(),
    postingDays: villageDetails.postingDays,
    townshipReview: villageDetails.townshipReview,
  })
  .refine((patch) => Object.keys(patch).length > 0, '至少修改一项 (change at least one field)')
  .meta({ id: 'VillagePatch' });
export type VillagePatch = z.infer<typeof villagePatchSchema>;

export const villageSchema = z
  .object({
    id: idSchema,
    countyId: idSchema,
    townshipId: idSchema,
    townshipName: z.string(),
    name: z.string(),
    householdCount: z.int().optional(),
    population: z.int().optional(),
    contactName: z.string().optional(),
    contactPhone: z.string().optional(),
    description: z.string().optional(),
    postingDays: z.int().optional(),
    townshipReview: z.boolean().optional(),
    createdAt: isoDateTime,
    updatedAt: isoDateTime,
  })
  .meta({ id: 'Village' });
export type Village = z.infer<typeof villageSchema>;

export const userCreateSchema = z
  .strictObject({
    username: usernameSchema,
    name: nameText(20).meta({ example: '罗先和' }),
    role: roleSchema,
    phone: phoneSchema.optional(),
    /** Required for role `partner`: the partner (bank) the user works for; never for other roles. */
    partnerId: idSchema.optional(),
    /** Required for role `villager`: the household of this village they belong to; never for other roles. */
    householdId: idSchema.optional(),
    /** Required for role `township_reviewer`: the township of this county whose villages they review. */
    townshipId: idSchema.optional(),
  })
  .refine((u) => (u.role === 'partner') === (u.partnerId !== undefined), {
    message:
      '合作机构用户须指定所属机构，其他角色不可指定 (a partner user needs its partner; no other role has one)',
    path: ['partnerId'],
  })
  .refine((u) => (u.role === 'township_reviewer') === (u.townshipId !== undefined), {
    message:
      '乡镇审核员须指定所属乡镇，其他角色不可指定 (a township reviewer needs a township; no other role has one)',
    path: ['townshipId'],
  })
  .refine((u) => (u.role === 'villager') === (u.householdId !== undefined), {
    message:
      '村民用户须指定所属农户，其他角色不可指定 (a villager needs their household; no other role has one)',
    path: ['householdId'],
  })
  .meta({ id: 'UserCreate' });
export type UserCreate = z.infer<typeof userCreateSchema>;

export const userSchema = z
  .object({
    id: idSchema,
    username: z.string(),
    name: z.string(),
    role: roleSchema,
    countyId: idSchema.optional(),
    villageId: idSchema.optional(),
    partnerId: idSchema.optional(),
    phone: z.string().optional(),
    /** Village users: the household they live in, so they never approve its points. */
    householdId: idSchema.optional(),
    /** Township reviewers: the township whose villages they review. */
    townshipId: idSchema.optional(),
    createdAt: isoDateTime,
    createdBy: z.string(),
  })
  .meta({ id: 'User' });

export const userPatchSchema = z
  .strictObject({
    /** The household the user lives in; null unlinks it. */
    householdId: idSchema.nullable(),
  })
  .meta({ id: 'UserPatch' });
export type User = z.infer<typeof userSchema>;

export const onboardingSchema = z
  .strictObject({
    inviteCode: inviteCodeSchema,
    village: villageDetailsSchema,
    admin: z.strictObject({
      username: usernameSchema,
      name: nameText(20).meta({ example: '王国强' }),
      phone: phoneSchema,
    }),
    /** Optionally start the village's first program with a draft rule set copied from a template. */
    startWith: z
      .strictObject({
        /** Without one, the program is named after the template (`programNameOf`). */
        programName: nameText(30).optional().meta({ example: '村务参与积分' }),
        templateId: z.string().max(60).meta({ example: 'builtin:xiaopo-civility' }),
      })
      .optional(),
  })
  .meta({ id: 'Onboarding' });
export type Onboarding = z.infer<typeof onboardingSchema>;

/** A new user, and in AWS the one-time password to hand over in person (changed at first sign-in). */
export const createdUserSchema = userSchema
  .extend({ temporaryPassword: z.string().optional() })
  .meta({ id: 'CreatedUser' });
export type CreatedUser = z.infer<typeof createdUserSchema>;

export const onboardingResultSchema = z
  .object({ village: villageSchema, admin: createdUserSchema })
  .meta({ id: 'OnboardingResult' });

/** What a wizard shows for a code before the village is created: where the village will belong. */
export const invitePreviewSchema = z
  .object({
    code: z.string(),
    status: inviteStatusSchema,
    countyName: z.string(),
    townshipName: z.string(),
    expiresAt: isoDateTime,
    /** The templates a new village may start its rules from: built-in and this county's. */
    templates: z.array(
      z.object({
        id: z.string(),
        name: z.string(),
        /** The name the program gets when the village keeps the suggestion (template name without its place). */
        programName: z.string(),
        description: z.string(),
        ruleCount: z.int(),
      }),
    ),
  })
  .meta({ id: 'InvitePreview' });
export type InvitePreview = z.infer<typeof invitePreviewSchema>;

export const meSchema = z
  .object({
    userId: z.string(),
    username: z.string(),
    name: z.string(),
    role: roleSchema,
    countyId: idSchema.optional(),
    countyName: z.string().optional(),
    villageId: idSchema.optional(),
    villageName: z.string().optional(),
    /** A village user's household, as the village admin linked it (read from the user, never the token). */
    householdId: idSchema.optional(),
    /** A township reviewer's township. */
    townshipId: idSchema.optional(),
    townshipName: z.string().optional(),
  })
  .meta({ id: 'Me' });
export type Me = z.infer<typeof meSchema>;
