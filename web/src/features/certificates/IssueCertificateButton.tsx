import { SafetyCertificateOutlined } from '@ant-design/icons';
import { App, Button } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { errorText } from '../../lib/errors';
import { useIdempotencyKey } from '../../lib/forms';
import { type CertificateIssue, issueCertificate } from './certificates-api';

/**
 * 出具积分证明, for the partner portal's household view: issues a signed certificate for the
 * score shown (same household, program and day) and opens it to print.
 */
export function IssueCertificateButton(props: CertificateIssue & { disabled?: boolean }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const keys = useIdempotencyKey();
  const [busy, setBusy] = useState(false);
  const { disabled, ...body } = props;

  async function issue() {
    setBusy(true);
    try {
      const signed = await issueCertificate(body, keys.keyFor(body));
      keys.reset();
      void message.success(t('certificates.issued'));
      void navigate(`/partner/certificates/${signed.certificate.id}`);
    } catch (error) {
      void message.error(errorText(error, t, i18n.language));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Button
      type="primary"
      icon={<SafetyCertificateOutlined />}
      loading={busy}
      disabled={disabled}
      onClick={issue}
      data-testid="issue-certificate"
    >
      {t('certificates.issue')}
    </Button>
  );
}
