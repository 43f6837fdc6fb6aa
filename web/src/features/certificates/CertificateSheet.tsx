import { useTranslation } from 'react-i18next';
import { formatDateTime, formatDay, formatNumber } from '../../lib/format';
import { type SignedCertificate, verifyPageUrl } from './certificates-api';
import './certificate.css';

/**
 * The printable certificate (A4): what the bank files with a loan, with the signature, the key
 * that made it and where anyone can check it, so the paper stands on its own.
 */
export function CertificateSheet({ signed }: { signed: SignedCertificate }) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const c = signed.certificate;
  const day = (d: string | undefined) => formatDay(d, lng);
  const span = t(`certificates.windows.${c.window.kind}`, { from: day(c.window.from), to: day(c.window.to) });
  const rows: [string, string][] = [
    [t('certificates.household'), c.household.name],
    [t('certificates.village'), `${c.countyName} ${c.household.village}`],
    [t('certificates.householdNumber'), c.household.number],
    [t('certificates.program'), c.program.name],
    [t('certificates.window'), span],
    [t('certificates.score'), t('certificates.scoreValue', { score: formatNumber(c.score, lng) })],
    [t('certificates.tier'), c.tier ? c.tier.label : t('certificates.noTier')],
    [t('certificates.benefit'), c.tier ? c.tier.benefit : '—'],
    [t('certificates.partner'), c.partner.name],
    [t('certificates.issuedBy'), c.issuedBy.name],
    [t('certificates.issuedAt'), formatDateTime(c.issuedAt)],
  ];
  return (
    <article className="xjf-certificate" data-testid="certificate-sheet" aria-label={t('certificates.title')}>
      <h1>{t('certificates.heading', { program: c.program.name })}</h1>
      <div className="number">
        {t('certificates.number')}：<span className="mono">{c.id}</span>
      </div>
      <p className="statement" data-testid="certificate-statement">
        {t('certificates.statement', {
          county: c.countyName,
          village: c.household.village,
          name: c.household.name,
          number: c.household.number,
          asOf: day(c.asOf),
          program: c.program.name,
          window: span,
          score: formatNumber(c.score, lng),
        })}
        {c.tier ? t('certificates.statementTier', { tier: c.tier.label, benefit: c.tier.benefit }) : ''}
      </p>
      <table>
        <tbody>
          {rows.map(([label, value]) => (
            <tr key={label}>
              <th>{label}</th>
              <td>{value}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <table>
        <tbody>
          <tr>
            <th>{t('certificates.algorithm')}</th>
            <td>Ed25519</td>
          </tr>
          <tr>
            <th>{t('certificates.keyId')}</th>
            <td className="mono" data-testid="certificate-key-id">
              {signed.keyId}
            </td>
          </tr>
          <tr>
            <th>{t('certificates.signature')}</th>
            <td className="mono" data-testid="certificate-signature">
              {signed.signature}
            </td>
          </tr>
        </tbody>
      </table>
      <p className="verify">{t('certificates.verifyHint', { url: verifyPageUrl(), county: c.countyName })}</p>
    </article>
  );
}
