import { CheckOutlined, CopyOutlined } from '@ant-design/icons';
import { Alert, Button, Flex } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { copyText } from '../../lib/clipboard';
import { errorText } from '../../lib/errors';

/** The ten recovery codes, shown once right after TOTP was set up. */
export function RecoveryCodes({ codes, onDone }: { codes: string[]; onDone: () => Promise<void> | void }) {
  const { t, i18n } = useTranslation();
  const [copied, setCopied] = useState<boolean>();
  const [leaving, setLeaving] = useState(false);
  const [error, setError] = useState<string>();

  async function done() {
    setLeaving(true);
    setError(undefined);
    try {
      await onDone();
    } catch (caught) {
      setError(errorText(caught, t, i18n.language));
      setLeaving(false);
    }
  }

  return (
    <>
      <Alert type="warning" showIcon title={t('auth.recoveryCodesIntro')} />
      <ul className="xjf-recovery-codes" data-testid="recovery-codes">
        {codes.map((code) => (
          <li key={code} className="xjf-code" data-testid="recovery-code">
            {code}
          </li>
        ))}
      </ul>
      {error && <Alert type="error" showIcon title={error} role="alert" style={{ marginBottom: 16 }} />}
      {copied === false && (
        <Alert type="info" showIcon title={t('auth.copyFailed')} style={{ marginBottom: 16 }} />
      )}
      <Flex gap={8} wrap>
        <Button
          size="large"
          icon={copied ? <CheckOutlined /> : <CopyOutlined />}
          onClick={() => void copyText(codes.join('\n')).then(setCopied)}
        >
          {copied ? t('auth.copied') : t('auth.copyAll')}
        </Button>
        <Button type="primary" size="large" style={{ flex: 1 }} loading={leaving} onClick={() => void done()}>
          {t('auth.saved')}
        </Button>
      </Flex>
    </>
  );
}
