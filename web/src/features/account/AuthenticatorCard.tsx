import { SafetyOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Skeleton, Tag, Typography } from 'antd';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadError } from '../../components/LoadError';
import { api, call } from '../../lib/api';
import { useLoad } from '../../lib/use-load';
import { TotpSetupModal } from './TotpSetupModal';

/** Fewer recovery codes than this left: suggest setting up again for a fresh ten. */
const LOW_RECOVERY_CODES = 3;

/** 身份验证器: whether TOTP is on (or required), the recovery codes left, and setting it up. */
export function AuthenticatorCard() {
  const { t } = useTranslation();
  const account = useLoad(useCallback(() => call(api().GET('/api/auth/account')), []));
  const [setting, setSetting] = useState(false);
  const data = account.data;

  return (
    <Card title={t('account.totp')}>
      {account.error ? (
        <LoadError error={account.error} onRetry={account.reload} />
      ) : !data ? (
        <Skeleton active paragraph={{ rows: 2 }} />
      ) : (
        <div data-testid="totp-status">
          <Typography.Paragraph>
            <Tag color={data.totpEnabled ? 'green' : 'default'}>
              {t(data.totpEnabled ? 'account.totpOn' : 'account.totpOff')}
            </Tag>
            {data.totpRequired && (
              <Typography.Text type="secondary">{t('account.totpRequired')}</Typography.Text>
            )}
          </Typography.Paragraph>
          {data.totpEnabled && (
            <Typography.Paragraph>
              {t('account.recoveryLeft', { count: data.recoveryCodesLeft })}
            </Typography.Paragraph>
          )}
          {data.totpEnabled && data.recoveryCodesLeft <= LOW_RECOVERY_CODES && (
            <Alert type="warning" showIcon title={t('account.recoveryLow')} style={{ marginBottom: 16 }} />
          )}
          <Typography.Paragraph type="secondary">
            {t(data.totpEnabled ? 'account.rebindHint' : 'account.totpOptional')}
          </Typography.Paragraph>
          <Button icon={<SafetyOutlined />} onClick={() => setSetting(true)}>
            {t(data.totpEnabled ? 'account.rebind' : 'account.setUp')}
          </Button>
        </div>
      )}
      {setting && (
        <TotpSetupModal
          onClose={(enrolled) => {
            setSetting(false);
            if (enrolled) account.reload();
          }}
        />
      )}
    </Card>
  );
}
