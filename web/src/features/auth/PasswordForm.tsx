import { Alert, Button, Form, Input, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { api, call } from '../../lib/api';
import { DEMO_PASSWORD } from './demo';
import { FormError } from './FormError';
import { type OnStep, useStepSubmit } from './use-step-submit';

type Values = { username: string; password: string };

/** 账号密码: staff sign in with their username and password. */
export function PasswordForm({ onStep, dev }: { onStep: OnStep; dev: boolean }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const { submit, submitting, error } = useStepSubmit(
    form,
    (v: Values) =>
      call(
        api().POST('/api/auth/sign-in', {
          body: { username: v.username.trim().toLowerCase(), password: v.password },
        }),
      ),
    { onStep },
  );

  return (
    <Form form={form} name="signIn" layout="vertical" requiredMark={false} onFinish={(v) => void submit(v)}>
      {dev && (
        <Alert
          type="info"
          showIcon
          title={
            <>
              {t('auth.dev.passwordHint')}
              {t('auth.dev.demoPassword')}
              <Typography.Text code copyable style={{ whiteSpace: 'nowrap' }}>
                {DEMO_PASSWORD}
              </Typography.Text>
            </>
          }
          style={{ marginBottom: 16 }}
        />
      )}
      <Form.Item
        name="username"
        label={t('auth.username')}
        rules={[{ required: true, whitespace: true, message: t('common.required') }]}
      >
        <Input
          size="large"
          autoComplete="username"
          autoCapitalize="none"
          autoCorrect="off"
          spellCheck={false}
          placeholder={t('auth.usernamePlaceholder')}
        />
      </Form.Item>
      <Form.Item
        name="password"
        label={t('auth.password')}
        rules={[{ required: true, message: t('common.required') }]}
      >
        <Input.Password size="large" autoComplete="current-password" />
      </Form.Item>
      <FormError text={error} />
      <Button type="primary" htmlType="submit" size="large" block loading={submitting}>
        {t('auth.signIn')}
      </Button>
    </Form>
  );
}
