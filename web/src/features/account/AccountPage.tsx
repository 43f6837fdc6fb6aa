import { Card, Descriptions, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useMe } from '../auth/session';
import { AuthenticatorCard } from './AuthenticatorCard';
import { ChangePasswordCard } from './ChangePasswordCard';

/** 账号与安全: who I am, and for staff their password and authenticator. Villagers have neither. */
export function AccountPage() {
  const { t } = useTranslation();
  const me = useMe();
  const staff = me.role !== 'villager';
  return (
    <>
      <Typography.Title level={3}>{t('account.title')}</Typography.Title>
      <Space orientation="vertical" size="middle" style={{ width: '100%', maxWidth: 640 }}>
        <Card title={t('account.profile')}>
          <Descriptions column={1} size="small">
            <Descriptions.Item label={t('user.name')}>{me.name}</Descriptions.Item>
            <Descriptions.Item label={t('user.username')}>{me.username}</Descriptions.Item>
            <Descriptions.Item label={t('user.role')}>
              <Tag color="green">{t(`roles.${me.role}`)}</Tag>
            </Descriptions.Item>
            {(me.countyName || me.villageName) && (
              <Descriptions.Item label={t('account.tenant')}>
                {[me.countyName, me.villageName].filter(Boolean).join(' · ')}
              </Descriptions.Item>
            )}
          </Descriptions>
          {!staff && (
            <Typography.Paragraph type="secondary" style={{ marginBottom: 0, marginTop: 8 }}>
              {t('account.villagerSignIn', { mobile: me.username })}
            </Typography.Paragraph>
          )}
        </Card>
        {staff && <ChangePasswordCard />}
        {staff && <AuthenticatorCard />}
      </Space>
    </>
  );
}
