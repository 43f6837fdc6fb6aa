import { Button, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, call } from '../../lib/api';
import { CodeInput, digits, SIX_DIGITS } from './CodeInput';
import { FormError } from './FormError';
import { type OnRestart, type OnStep, useStepSubmit } from './use-step-submit';

type Values = { code?: string; recoveryCode?: string };
const RECOVERY_CODE = /^[a-z2-9]{4}-[a-z2-9]{4}$/i;

/** The second factor: the authenticator's code, or one of the recovery codes. */
export function TotpStep(props: { challenge: string; onStep: OnStep; onRestart: OnRestart }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const [recovery, setRecovery] = useState(false);
  const { challenge } = props;
  const { submit, submitting, error } = useStepSubmit(
    form,
    (v: Values) =>
      call(
        api().POST('/api/auth/totp', {
          body: recovery
            ? { challenge, recoveryCode: (v.recoveryCode ?? '').trim().toLowerCase() }
            : { challenge, code: v.code ?? '' },
        }),
      ),
    props,
  );

  return (
    <Form form={form} name="totp" layout="vertical" requiredMark={false} onFinish={(v) => void submit(v)}>
      <Typography.Paragraph>{t(recovery ? 'auth.recoveryIntro' : 'auth.totpIntro')}</Typography.Paragraph>
      {recovery ? (
        <Form.Item
          name="recoveryCode"
          label={t('auth.recoveryCode')}
          rules={[{ required: true, pattern: RECOVERY_CODE, message: t('auth.recoveryInvalid') }]}
        >
          <Input
            size="large"
            className="xjf-code"
            autoComplete="off"
            autoCapitalize="none"
            spellCheck={false}
            maxLength={9}
            placeholder="xxxx-xxxx"
            autoFocus
          />
        </Form.Item>
      ) : (
        <Form.Item
          name="code"
          label={t('auth.totpCode')}
          normalize={digits(6)}
          rules={[{ required: true, pattern: SIX_DIGITS, message: t('auth.codeRequired') }]}
        >
          <CodeInput autoFocus />
        </Form.Item>
      )}
      <FormError text={error} />
      <Button type="primary" htmlType="submit" size="large" block loading={submitting}>
        {t('auth.verify')}
      </Button>
      <Button type="link" block style={{ marginTop: 8 }} onClick={() => setRecovery((r) => !r)}>
        {t(recovery ? 'auth.useApp' : 'auth.useRecovery')}
      </Button>
    </Form>
  );
}
