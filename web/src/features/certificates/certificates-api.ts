import { api, call, type Schemas } from '../../lib/api';

export type SignedCertificate = Schemas['SignedScoreCertificate'];
export type Certificate = SignedCertificate['certificate'];
export type Verification = Schemas['CertificateVerification'];
export type CertificateIssue = Schemas['CertificateIssue'];

export const issueCertificate = (body: CertificateIssue, idempotencyKey: string) =>
  call(
    api().POST('/api/partner/certificates', {
      params: { header: { 'idempotency-key': idempotencyKey } },
      body,
    }),
  );

export const listCertificates = (cursor?: string) =>
  call(api().GET('/api/partner/certificates', { params: { query: { limit: 50, cursor } } }));

export const readCertificate = (certificateId: string) =>
  call(api().GET('/api/partner/certificates/{certificateId}', { params: { path: { certificateId } } }));

/** Public: no sign-in. Any JSON gets a verdict back. */
export const verifyCertificate = (document: unknown) =>
  call(api().POST('/api/public/certificates/verify', { body: document }));

/** Where anyone checks a certificate: the admin's own origin, no sign-in. */
export const verifyPageUrl = () => `${window.location.origin}/verify`;

/** Public: the county's Ed25519 public keys, for checking offline. */
export const readSigningKeys = (countyId: string) =>
  call(api().GET('/api/public/counties/{countyId}/signing-keys', { params: { path: { countyId } } }));

/** Saves a JSON document as a file: the certificate exactly as issued, or a county's keys. */
export function downloadJson(value: unknown, fileName: string) {
  const blob = new Blob([`${JSON.stringify(value, null, 2)}\n`], { type: 'application/json' });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  URL.revokeObjectURL(url);
}
