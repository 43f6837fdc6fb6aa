import { Alert, Card, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useLocation } from 'react-router-dom';
import { homeOf } from '../../app/nav';
import { PublicShell } from '../../app/PublicShell';
import { CognitoSignIn } from './CognitoSignIn';
import { DevUserPicker } from './DevUserPicker';
import { useSession } from './session';

/** Where the user was headed before being sent to sign in; only paths of this app. */
function fromOf(state: unknown): string | undefined {
  if (typeof state !== 'object' || state === null || !('from' in state)) return undefined;
  const { from } = state;
  return typeof from === 'string' && /^\/(?!\/)/.test(from) ? from : undefined;
}

export function SignInPage() {
  const { t } = useTranslation();
  const { config, status, me, signedOutBy } = useSession();
  const from = fromOf(useLocation().state);

  if (status === 'signedIn' && me) return <Navigate to={from ?? homeOf(me)} replace />;

  return (
    <PublicShell>
      <Card
        title={
          <Typography.Title level={3} style={{ margin: 0 }}>
            {t('auth.title')}
          </Typography.Title>
        }
      >
        {signedOutBy === 'expiry' && (
          <Alert type="warning" showIcon title={t('auth.expired')} style={{ marginBottom: 16 }} />
        )}
        {config.auth.mode === 'dev' ? (
          <DevUserPicker />
        ) : (
          <CognitoSignIn auth={config.auth} returnTo={from ?? '/'} />
        )}
        <Typography.Paragraph style={{ marginTop: 24, marginBottom: 0 }}>
          <Link to="/onboarding">{t('auth.onboardingLink')}</Link>
        </Typography.Paragraph>
      </Card>
    </PublicShell>
  );
}
