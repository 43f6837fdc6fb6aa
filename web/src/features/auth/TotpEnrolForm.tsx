import { Button, Flex, Form, QRCode, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { api, call, type Schemas } from '../../lib/api';
import { CodeInput, digits, SIX_DIGITS } from './CodeInput';
import { FormError } from './FormError';
import { type OnRestart, type OnStep, useStepSubmit } from './use-step-submit';

type Values = { code: string };

/** The Base32 secret in groups of four, for typing into an app by hand. */
export const groupSecret = (secret: string) => secret.match(/.{1,4}/g)?.join(' ') ?? secret;

/**
 * Setting up an authenticator app: the QR code (or, on the phone itself, a link the app opens,
 * or the key typed by hand), then the first code, which switches TOTP on. Used at sign-in and
 * on the account page.
 */
export function TotpEnrolForm(props: {
  setup: Schemas['TotpSetup'];
  onStep: OnStep;
  onRestart?: OnRestart;
  intro?: string;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const { setup } = props;
  const { submit, submitting, error } = useStepSubmit(
    form,
    (v: Values) =>
      call(api().POST('/api/auth/totp/enrolment', { body: { challenge: setup.challenge, code: v.code } })),
    props,
  );

  return (
    <Form
      form={form}
      name="totpEnrol"
      layout="vertical"
      requiredMark={false}
      onFinish={(v) => void submit(v)}
    >
      {props.intro && <Typography.Paragraph>{props.intro}</Typography.Paragraph>}
      <ol className="xjf-steps">
        <li>{t('auth.enrolApp')}</li>
        <li>
          {t('auth.enrolScan')}
          <Flex vertical align="center" gap={4} style={{ margin: '12px 0' }}>
            <QRCode value={setup.otpauthUri} size={168} bordered={false} />
            <Button type="link" href={setup.otpauthUri}>
              {t('auth.openInApp')}
            </Button>
          </Flex>
          <div>
            {t('auth.secret')}
            <Typography.Text strong copyable={{ text: setup.secret }}>
              <span className="xjf-code xjf-secret" data-testid="totp-secret">
                {groupSecret(setup.secret)}
              </span>
            </Typography.Text>
          </div>
        </li>
        <li>{t('auth.enrolCode')}</li>
      </ol>
      <Form.Item
        name="code"
        label={t('auth.totpCode')}
        normalize={digits(6)}
        rules={[{ required: true, pattern: SIX_DIGITS, message: t('auth.codeRequired') }]}
      >
        <CodeInput />
      </Form.Item>
      <FormError text={error} />
      <Button type="primary" htmlType="submit" size="large" block loading={submitting}>
        {t('auth.enrol')}
      </Button>
    </Form>
  );
}
