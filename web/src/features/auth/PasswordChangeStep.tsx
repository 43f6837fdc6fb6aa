import { Button, Form, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { api, call } from '../../lib/api';
import { FormError } from './FormError';
import { NewPasswordFields } from './NewPasswordFields';
import { type OnRestart, type OnStep, useStepSubmit } from './use-step-submit';

type Values = { newPassword: string; confirmPassword: string };

/** A temporary password is replaced before anything else. */
export function PasswordChangeStep(props: { challenge: string; onStep: OnStep; onRestart: OnRestart }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const { submit, submitting, error } = useStepSubmit(
    form,
    (v: Values) =>
      call(
        api().POST('/api/auth/password', {
          body: { challenge: props.challenge, newPassword: v.newPassword },
        }),
      ),
    props,
  );
  return (
    <Form
      form={form}
      name="newPassword"
      layout="vertical"
      requiredMark={false}
      onFinish={(v) => void submit(v)}
    >
      <Typography.Paragraph>{t('auth.passwordChangeIntro')}</Typography.Paragraph>
      <NewPasswordFields />
      <FormError text={error} />
      <Button type="primary" htmlType="submit" size="large" block loading={submitting}>
        {t('auth.setPassword')}
      </Button>
    </Form>
  );
}
