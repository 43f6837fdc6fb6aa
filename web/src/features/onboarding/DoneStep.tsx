import { Button, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { Schemas } from '../../lib/api';
import { NewUserCredentials } from '../users/NewUserCredentials';

/** The village exists; its admin signs in next (in dev, by picking the new user on the sign-in page). */
export function DoneStep({ result }: { result: Schemas['OnboardingResult'] }) {
  const { t } = useTranslation();
  return (
    <Result
      status="success"
      title={t('onboarding.doneTitle', { village: result.village.name })}
      subTitle={t('onboarding.doneBody', { name: result.admin.name, username: result.admin.username })}
      extra={
        <Link to="/sign-in">
          <Button type="primary" size="large">
            {t('onboarding.goSignIn')}
          </Button>
        </Link>
      }
    >
      <NewUserCredentials user={result.admin} />
    </Result>
  );
}
