import { Card, Result, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useMe } from '../auth/session';

/** Partners (the rural bank) get eco scores in a later issue; until then they see where they belong. */
export function PartnerHome() {
  const { t } = useTranslation();
  const me = useMe();
  return (
    <>
      <Typography.Title level={3}>{me.countyName ?? t('partner.title')}</Typography.Title>
      <Card>
        <Result status="info" title={t('partner.title')} subTitle={t('partner.body')} />
      </Card>
    </>
  );
}
