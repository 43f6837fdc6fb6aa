import { App, Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, call } from '../../lib/api';
import { startSession } from '../../lib/auth';
import { useSubmit } from '../../lib/forms';
import { authErrorText } from '../auth/auth-errors';
import { FormError } from '../auth/FormError';
import { NewPasswordFields } from '../auth/NewPasswordFields';

type Values = { currentPassword: string; newPassword: string; confirmPassword: string };

/** 修改密码: every other session ends; this one carries on with the tokens the answer brings. */
export function ChangePasswordCard() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  // useSubmit words errors generically; the API's codes say more here (wrong_password, password_reused).
  const [failure, setFailure] = useState<string>();
  const { submit, submitting } = useSubmit(
    form,
    async (v: Values) => {
      const step = await call(
        api().POST('/api/auth/password/change', {
          body: { currentPassword: v.currentPassword, newPassword: v.newPassword },
        }),
      );
      if (step.status === 'signed_in') startSession(step.tokens);
    },
    {
      onSuccess: () => {
        form.resetFields();
        void message.success(t('account.passwordChanged'));
      },
      onError: (caught) => setFailure(authErrorText(caught, t, i18n.language)),
    },
  );

  return (
    <Card title={t('account.password')}>
      <Typography.Paragraph type="secondary">{t('account.passwordIntro')}</Typography.Paragraph>
      <Form
        form={form}
        name="changePassword"
        layout="vertical"
        requiredMark={false}
        style={{ maxWidth: 400 }}
        onFinish={(v) => {
          setFailure(undefined);
          void submit(v);
        }}
      >
        <Form.Item
          name="currentPassword"
          label={t('account.currentPassword')}
          rules={[{ required: true, message: t('common.required') }]}
        >
          <Input.Password size="large" autoComplete="current-password" />
        </Form.Item>
        <NewPasswordFields />
        <FormError text={failure} />
        <Button type="primary" htmlType="submit" size="large" loading={submitting}>
          {t('account.changePassword')}
        </Button>
      </Form>
    </Card>
  );
}
