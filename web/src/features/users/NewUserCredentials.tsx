import { Alert, App, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Schemas } from '../../lib/api';

type CreatedUser = Schemas['CreatedUser'];

/** In AWS a new user gets a one-time password; it exists only in this response, so show it plainly. */
export function NewUserCredentials({ user }: { user: CreatedUser }) {
  const { t } = useTranslation();
  if (!user.temporaryPassword) return null;
  return (
    <Alert
      type="warning"
      showIcon
      title={t('users.signInAs', { username: user.username })}
      description={
        <>
          {t('users.temporaryPassword')}：
          <Typography.Text className="xjf-code" strong copyable data-testid="temporary-password">
            {user.temporaryPassword}
          </Typography.Text>
          <br />
          <Typography.Text type="secondary">{t('users.temporaryPasswordHint')}</Typography.Text>
        </>
      }
    />
  );
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
