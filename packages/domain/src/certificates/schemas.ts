import * as z from 'zod';
import { idSchema } from '../ids';
import { tierWindows } from '../partners/tiers';
import { isoDateTime } from '../text';

const text = z.string().min(1).max(200);
const day = z.iso.date().meta({ example: '2026-05-31' });

/** `<countyId>:<n>`: the county whose key signed, and which of its keys (numbered from 1). */
export const keyIdSchema = z
  .string()
  .regex(/^[0-9a-z]{16}:[1-9]\d{0,5}$/, '无效的密钥编号 (invalid key id)')
  .meta({ example: '7k2m9q4x8c1v5b3n:1' });

/** An Ed25519 signature (64 bytes) as lowercase hex: one spelling per signature, so no byte can change unseen. */
export const signatureSchema = z
  .string()
  .regex(/^[0-9a-f]{128}$/, '签名应为 128 位小写十六进制 (128 lowercase hex digits)');

/**
 * What a partner certifies about a household's score. Strict everywhere: a field added to a
 * signed document makes it malformed rather than silently unsigned.
 */
export const certificateSchema = z
  .strictObject({
    id: idSchema,
    countyId: idSchema,
    countyName: text,
    partner: z.strictObject({ id: idSchema, name: text }),
    /** The full name: the household consented to this partner seeing it. */
    household: z.strictObject({ name: text, village: text, number: text }),
    program: z.strictObject({ id: idSchema, name: text }),
    score: z.int(),
    /** null when the score is below every tier. */
    tier: z.strictObject({ label: text, benefit: text }).nullable(),
    /** The days whose earned points count, both inclusive; `from` absent for "ever". */
    window: z.strictObject({ kind: z.enum(tierWindows), from: day.optional(), to: day }),
    asOf: day,
    issuedAt: isoDateTime,
    issuedBy: z.strictObject({ userId: idSchema, name: text }),
  })
  .meta({ id: 'ScoreCertificate' });
export type Certificate = z.infer<typeof certificateSchema>;

export const signedCertificateSchema = z
  .strictObject({ certificate: certificateSchema, keyId: keyIdSchema, signature: signatureSchema })
  .meta({ id: 'SignedScoreCertificate' });
export type SignedCertificate = z.infer<typeof signedCertificateSchema>;

export const certificateIssueSchema = z
  .strictObject({
    householdId: idSchema,
    /** The day the score is taken at (China time); today when absent, never in the future. */
    asOf: day.optional(),
    /** One of the partner's programs; its first when absent. */
    programId: idSchema.optional(),
  })
  .meta({ id: 'CertificateIssue' });

export const verificationReasons = ['malformed', 'unknown_key', 'bad_signature'] as const;
export type VerificationReason = (typeof verificationReasons)[number];

export const verificationSchema = z
  .object({
    valid: z.boolean(),
    reason: z.enum(verificationReasons).optional(),
    message: z.string(),
    /** For a malformed document: which fields are wrong. */
    fields: z.record(z.string(), z.string()).optional(),
    keyId: z.string().optional(),
  })
  .meta({ id: 'CertificateVerification' });
export type Verification = z.infer<typeof verificationSchema>;

export const signingKeySchema = z
  .object({
    keyId: keyIdSchema,
    algorithm: z.literal('Ed25519'),
    /** SubjectPublicKeyInfo PEM, as `openssl pkeyutl -verify` and node:crypto read it. */
    publicKeyPem: z.string(),
    publicKeyJwk: z.object({ kty: z.literal('OKP'), crv: z.literal('Ed25519'), x: z.string() }),
    createdAt: isoDateTime,
  })
  .meta({ id: 'SigningKey' });
export type SigningKey = z.infer<typeof signingKeySchema>;

export const countySigningKeysSchema = z
  .object({ countyId: idSchema, countyName: z.string(), keys: z.array(signingKeySchema) })
  .meta({ id: 'CountySigningKeys' });
