import { canonicalJson } from './canonical';
import {
  type Certificate,
  type SignedCertificate,
  signedCertificateSchema,
  type Verification,
  type VerificationReason,
} from './schemas';

export const keyIdOf = (countyId: string, number: number) => `${countyId}:${number}`;

export function parseKeyId(keyId: string): { countyId: string; number: number } {
  const [countyId = '', number = ''] = keyId.split(':');
  return { countyId, number: Number(number) };
}

/**
 * The signed bytes: the canonical JSON of the whole document except its signature, so the key
 * named is signed too and cannot be swapped for another of the county's keys.
 */
export const signedPayload = (doc: { certificate: Certificate; keyId: string }): string =>
  canonicalJson({ certificate: doc.certificate, keyId: doc.keyId });

const messages: Record<VerificationReason | 'valid', string> = {
  valid: '验证通过：证明由该县签发，内容未被改动 (valid: issued by the county, unchanged)',
  malformed: '不是有效的积分证明文件 (not a score certificate document)',
  unknown_key:
    '签名密钥不属于证明上的县，或该县没有这个密钥 (the key is not one of the certificate county’s keys)',
  bad_signature:
    '签名与内容不符：证明被改动过或不是该县签发 (the signature does not match: altered or not issued by the county)',
};

export const verdict = (
  reason: VerificationReason | undefined,
  extra: Pick<Verification, 'fields' | 'keyId'> = {},
): Verification => ({ valid: !reason, reason, message: messages[reason ?? 'valid'], ...extra });

/**
 * First step of verification, before any key is read: is it a certificate at all, and does the
 * key it names belong to the county it names? Anything else is `malformed` or `unknown_key`.
 */
export function checkShape(
  input: unknown,
):
  | { ok: true; doc: SignedCertificate; countyId: string; number: number }
  | { ok: false; verdict: Verification } {
  const parsed = signedCertificateSchema.safeParse(input);
  if (!parsed.success) {
    const fields: Record<string, string> = {};
    for (const issue of parsed.error.issues) {
      if (issue.code === 'unrecognized_keys')
        for (const key of issue.keys)
          fields[[...issue.path, key].join('.')] ??= '不允许的字段 (unknown field)';
      else fields[issue.path.join('.') || '(body)'] ??= issue.message;
    }
    return { ok: false, verdict: verdict('malformed', { fields }) };
  }
  const doc = parsed.data;
  const { countyId, number } = parseKeyId(doc.keyId);
  if (countyId !== doc.certificate.countyId)
    return { ok: false, verdict: verdict('unknown_key', { keyId: doc.keyId }) };
  return { ok: true, doc, countyId, number };
}
