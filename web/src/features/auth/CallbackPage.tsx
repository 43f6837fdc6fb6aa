import { Button, Result } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { FullPageSpin } from '../../app/feedback';
import { PublicShell } from '../../app/PublicShell';
import { completeCognitoSignIn } from '../../lib/auth';
import { useSession } from './session';

/** `/auth/callback`: the hosted UI sends the browser here with `?code=…&state=…`. */
export function CallbackPage() {
  const { t } = useTranslation();
  const { config, refresh } = useSession();
  const navigate = useNavigate();
  const [failure, setFailure] = useState<string>();
  // The code is single use; StrictMode's second effect run must not spend it again.
  const started = useRef(false);

  useEffect(() => {
    if (started.current) return;
    started.current = true;
    if (config.auth.mode !== 'cognito') {
      void navigate('/sign-in', { replace: true });
      return;
    }
    completeCognitoSignIn(config.auth, new URLSearchParams(window.location.search))
      .then(async (returnTo) => {
        await refresh();
        await navigate(returnTo, { replace: true });
      })
      .catch((error: unknown) => setFailure(error instanceof Error ? error.message : String(error)));
  }, [config, navigate, refresh]);

  if (!failure) return <FullPageSpin />;
  return (
    <PublicShell>
      <Result
        status="error"
        title={t('auth.callbackFailed')}
        subTitle={failure}
        extra={
          <Button type="primary" onClick={() => navigate('/sign-in', { replace: true })}>
            {t('auth.backToSignIn')}
          </Button>
        }
      />
    </PublicShell>
  );
}
