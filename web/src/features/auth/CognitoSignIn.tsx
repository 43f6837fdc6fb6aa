import { LoginOutlined } from '@ant-design/icons';
import { Button, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { startCognitoSignIn } from '../../lib/auth';
import type { CognitoAuth } from '../../lib/config';

export function CognitoSignIn({ auth, returnTo }: { auth: CognitoAuth; returnTo: string }) {
  const { t } = useTranslation();
  const [leaving, setLeaving] = useState(false);
  return (
    <>
      <Typography.Paragraph>{t('auth.cognitoHint')}</Typography.Paragraph>
      <Button
        type="primary"
        size="large"
        icon={<LoginOutlined />}
        loading={leaving}
        onClick={() => {
          setLeaving(true);
          void startCognitoSignIn(auth, returnTo);
        }}
      >
        {t('auth.cognitoButton')}
      </Button>
    </>
  );
}
