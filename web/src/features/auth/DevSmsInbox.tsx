import { Button, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, call } from '../../lib/api';

/** Local runtime only: the code just "texted" to `mobile`, read from the dev inbox. */
export function DevSmsInbox({ mobile }: { mobile: string }) {
  const { t } = useTranslation();
  const [code, setCode] = useState<string | null>();
  const [loading, setLoading] = useState(false);

  async function open() {
    setLoading(true);
    try {
      const inbox = await call(api().GET('/api/dev/sms', { params: { query: { mobile } } }));
      setCode(inbox.items[0]?.code ?? null);
    } catch {
      setCode(null);
    } finally {
      setLoading(false);
    }
  }

  return (
    <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
      <Button size="small" loading={loading} onClick={() => void open()}>
        {t('auth.dev.showCode')}
      </Button>{' '}
      {code === null && t('auth.dev.noCode')}
      {code && <span data-testid="dev-sms-code">{t('auth.dev.latestCode', { code })}</span>}
    </Typography.Paragraph>
  );
}
