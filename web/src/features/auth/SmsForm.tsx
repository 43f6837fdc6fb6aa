import { Alert, Button, Form, Input, Space, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, api, call } from '../../lib/api';
import { PHONE } from '../../lib/forms';
import { authErrorText, retryAfterOf } from './auth-errors';
import { CodeInput, digits, SIX_DIGITS } from './CodeInput';
import { DevSmsInbox } from './DevSmsInbox';
import { FormError } from './FormError';
import { type OnStep, useStepSubmit } from './use-step-submit';

type Values = { mobile: string; code: string };

/** Seconds until `until`, ticking while there are any left. */
function useCountdown(): [number, (seconds: number) => void] {
  const [left, setLeft] = useState(0);
  const until = useRef(0);
  const running = left > 0;
  useEffect(() => {
    if (!running) return;
    // From the clock, not by counting ticks: a phone that slept still shows the right wait.
    const id = setInterval(() => setLeft(Math.max(0, Math.ceil((until.current - Date.now()) / 1000))), 500);
    return () => clearInterval(id);
  }, [running]);
  const start = (seconds: number) => {
    until.current = Date.now() + seconds * 1000;
    setLeft(seconds);
  };
  return [left, start];
}

/** 手机验证码: villagers sign in with the mobile the village registered and a texted code. */
export function SmsForm({ onStep, dev }: { onStep: OnStep; dev: boolean }) {
  const { t, i18n } = useTranslation();
  const [form] = Form.useForm<Values>();
  const [wait, startWait] = useCountdown();
  const [sending, setSending] = useState(false);
  const [sentTo, setSentTo] = useState<string>();
  const [sendError, setSendError] = useState<string>();
  const { submit, submitting, error } = useStepSubmit(
    form,
    (v: Values) => call(api().POST('/api/auth/sms/sign-in', { body: { mobile: v.mobile, code: v.code } })),
    { onStep, sms: true },
  );

  async function sendCode() {
    const mobile = await form.validateFields(['mobile']).then(
      (v) => v.mobile,
      () => undefined,
    );
    if (!mobile) return;
    setSending(true);
    setSendError(undefined);
    try {
      const sent = await call(api().POST('/api/auth/sms/codes', { body: { mobile } }));
      startWait(sent.retryAfterSeconds);
      setSentTo(mobile);
      form.getFieldInstance('code')?.focus();
    } catch (caught) {
      if (caught instanceof ApiError && caught.code === 'rate_limited') startWait(retryAfterOf(caught));
      setSendError(authErrorText(caught, t, i18n.language, { sms: true }));
    } finally {
      setSending(false);
    }
  }

  return (
    <Form form={form} name="sms" layout="vertical" requiredMark={false} onFinish={(v) => void submit(v)}>
      <Typography.Paragraph type="secondary">{t('auth.villagerHint')}</Typography.Paragraph>
      {dev && <Alert type="info" showIcon title={t('auth.dev.smsHint')} style={{ marginBottom: 16 }} />}
      <Form.Item label={t('auth.mobile')} htmlFor="sms_mobile" required>
        <Space.Compact style={{ width: '100%' }}>
          <Form.Item
            name="mobile"
            noStyle
            normalize={digits(11)}
            rules={[
              { required: true, message: t('errors.phone') },
              { pattern: PHONE, message: t('errors.phone') },
            ]}
          >
            <Input
              size="large"
              inputMode="tel"
              autoComplete="tel"
              placeholder={t('auth.mobilePlaceholder')}
            />
          </Form.Item>
          <Button size="large" loading={sending} disabled={wait > 0} onClick={() => void sendCode()}>
            {wait > 0 ? t('auth.resendIn', { seconds: wait }) : t('auth.sendCode')}
          </Button>
        </Space.Compact>
      </Form.Item>
      {sendError && (
        <Alert type="error" showIcon title={sendError} role="alert" style={{ marginBottom: 16 }} />
      )}
      {sentTo && !sendError && (
        <Alert type="success" showIcon title={t('auth.codeSent')} style={{ marginBottom: 16 }} />
      )}
      {dev && sentTo && <DevSmsInbox mobile={sentTo} />}
      <Form.Item
        name="code"
        label={t('auth.smsCode')}
        normalize={digits(6)}
        rules={[{ required: true, pattern: SIX_DIGITS, message: t('auth.codeRequired') }]}
      >
        <CodeInput placeholder={t('auth.smsCodePlaceholder')} />
      </Form.Item>
      <FormError text={error} />
      <Button type="primary" htmlType="submit" size="large" block loading={submitting}>
        {t('auth.signIn')}
      </Button>
    </Form>
  );
}
