import { Alert, Card, Tabs, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useLocation } from 'react-router-dom';
import { FullPageSpin } from '../../app/feedback';
import { homeOf } from '../../app/nav';
import { PublicShell } from '../../components/PublicShell';
import type { SignInStep } from '../../lib/auth';
import { DevUserPicker } from './DevUserPicker';
import { PasswordForm } from './PasswordForm';
import { type PendingStep, SignInSteps } from './SignInSteps';
import { SmsForm } from './SmsForm';
import { useSession } from './session';

/** Where the user was headed before being sent to sign in; only paths of this app. */
function fromOf(state: unknown): string | undefined {
  if (typeof state !== 'object' || state === null || !('from' in state)) return undefined;
  const { from } = state;
  return typeof from === 'string' && /^\/(?!\/)/.test(from) ? from : undefined;
}

/**
 * 登录: staff with username and password, villagers with their mobile and an SMS code; then
 * whatever steps the API asks for. On the local runtime, the demo user picker too.
 */
export function SignInPage() {
  const { t } = useTranslation();
  const { config, status, me, signedOutBy, signIn } = useSession();
  const from = fromOf(useLocation().state);
  const [step, setStep] = useState<PendingStep>();
  const [notice, setNotice] = useState<string>();
  const [tab, setTab] = useState('password');

  if (status === 'loading') return <FullPageSpin />;
  if (status === 'signedIn' && me) return <Navigate to={from ?? homeOf(me)} replace />;

  async function onStep(next: SignInStep) {
    setNotice(undefined);
    if (next.status !== 'signed_in') setStep(next);
    else if (next.recoveryCodes?.length)
      setStep({ status: 'recovery_codes', codes: next.recoveryCodes, tokens: next.tokens });
    else await signIn(next.tokens);
  }
  const restart = (reason: string) => {
    setStep(undefined);
    setNotice(reason || undefined);
  };

  const tabs = [
    {
      key: 'password',
      label: t('auth.tabs.password'),
      children: <PasswordForm onStep={onStep} dev={config.dev} />,
    },
    { key: 'sms', label: t('auth.tabs.sms'), children: <SmsForm onStep={onStep} dev={config.dev} /> },
    ...(config.dev ? [{ key: 'demo', label: t('auth.tabs.demo'), children: <DevUserPicker /> }] : []),
  ];

  return (
    <PublicShell>
      <Card
        className="xjf-sign-in"
        title={
          <Typography.Title level={3} style={{ margin: 0 }}>
            {step ? t(`auth.steps.${step.status}`) : t('auth.title')}
          </Typography.Title>
        }
      >
        {signedOutBy === 'expiry' && !step && !notice && (
          <Alert type="warning" showIcon title={t('auth.expired')} style={{ marginBottom: 16 }} />
        )}
        {notice && <Alert type="warning" showIcon title={notice} role="alert" style={{ marginBottom: 16 }} />}
        {step ? (
          <SignInSteps step={step} onStep={onStep} onRestart={restart} onSaved={signIn} />
        ) : (
          <Tabs activeKey={tab} onChange={setTab} items={tabs} />
        )}
        {!step && (
          <Typography.Paragraph style={{ marginTop: 24, marginBottom: 0 }}>
            <Link to="/onboarding">{t('auth.onboardingLink')}</Link>
          </Typography.Paragraph>
        )}
      </Card>
    </PublicShell>
  );
}
