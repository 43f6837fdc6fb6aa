import { Form, Input, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { PHONE, USERNAME } from '../../lib/forms';

/** Step 3: the village's first administrator. */
export function AdminFields() {
  const { t } = useTranslation();
  return (
    <>
      <Typography.Paragraph type="secondary">{t('onboarding.adminHint')}</Typography.Paragraph>
      <Form.Item
        name={['admin', 'name']}
        label={t('onboarding.adminName')}
        rules={[{ required: true, whitespace: true, max: 20 }]}
      >
        <Input maxLength={20} style={{ maxWidth: 320 }} />
      </Form.Item>
      <Form.Item
        name={['admin', 'username']}
        label={t('onboarding.adminUsername')}
        extra={t('user.usernameHint')}
        normalize={(value: string) => value.toLowerCase()}
        rules={[{ required: true }, { pattern: USERNAME, message: t('errors.username') }]}
      >
        <Input autoComplete="off" style={{ maxWidth: 320 }} />
      </Form.Item>
      <Form.Item
        name={['admin', 'phone']}
        label={t('onboarding.adminPhone')}
        rules={[{ required: true }, { pattern: PHONE, message: t('errors.phone') }]}
      >
        <Input inputMode="tel" maxLength={11} style={{ maxWidth: 320 }} />
      </Form.Item>
    </>
  );
}
