import { ArrowLeftOutlined, DownloadOutlined, PrinterOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, Skeleton } from 'antd';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router-dom';
import { errorText } from '../../lib/errors';
import { useLoad } from '../../lib/use-load';
import { CertificateSheet } from './CertificateSheet';
import { downloadJson, readCertificate } from './certificates-api';

/** `/partner/certificates/<id>`: an issued certificate, to print (A4) or hand on as its JSON file. */
export function CertificatePage() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const certificateId = useParams().certificateId ?? '';
  const loaded = useLoad(useCallback(() => readCertificate(certificateId), [certificateId]));
  const signed = loaded.data;
  return (
    <>
      <Flex gap={8} wrap style={{ marginBottom: 16 }}>
        <Button icon={<ArrowLeftOutlined />} onClick={() => navigate(-1)}>
          {t('certificates.back')}
        </Button>
        <Button type="primary" icon={<PrinterOutlined />} disabled={!signed} onClick={() => window.print()}>
          {t('certificates.print')}
        </Button>
        <Button
          icon={<DownloadOutlined />}
          disabled={!signed}
          data-testid="certificate-download"
          onClick={() =>
            signed &&
            downloadJson(
              signed,
              `积分证明-${signed.certificate.household.name}-${signed.certificate.id}.json`,
            )
          }
        >
          {t('certificates.download')}
        </Button>
      </Flex>
      {loaded.error ? (
        <Alert type="error" showIcon title={errorText(loaded.error, t, i18n.language)} />
      ) : (
        <Skeleton loading={!signed} active>
          {signed && <CertificateSheet signed={signed} />}
        </Skeleton>
      )}
    </>
  );
}
