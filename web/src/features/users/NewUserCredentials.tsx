import { Alert, App, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Schemas } from '../../lib/api';

type CreatedUser = Schemas['CreatedUser'];

/** A one-time password exists only in the answer that made it: shown plainly, once. */
export function TemporaryPassword({ username, password }: { username: string; password: string }) {
  const { t } = useTranslation();
  return (
    <Alert
      type="warning"
      showIcon
      title={t('users.signInAs', { username })}
      description={
        <>
          {t('users.temporaryPassword')}：
          <Typography.Text className="xjf-code" strong copyable data-testid="temporary-password">
            {password}
          </Typography.Text>
          <br />
          <Typography.Text type="secondary">{t('users.temporaryPasswordHint')}</Typography.Text>
        </>
      }
    />
  );
}

/** A new staff user's one-time password; villagers sign in by SMS and get none. */
export function NewUserCredentials({ user }: { user: CreatedUser }) {
  if (!user.temporaryPassword) return null;
  return <TemporaryPassword username={user.username} password={user.temporaryPassword} />;
}

/** Says a user was added: a toast, or a dialog when there is a password to pass on. */
export function useAnnounceNewUser() {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  return (user: CreatedUser, text = t('users.added', { name: user.name })) => {
    if (!user.temporaryPassword) {
      void message.success(text);
      return;
    }
    modal.success({ title: text, width: 520, content: <NewUserCredentials user={user} /> });
  };
}
