import { KeyOutlined } from '@ant-design/icons';
import { App, Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { newIdempotencyKey, type Schemas } from '../../lib/api';
import { errorText } from '../../lib/errors';
import { TemporaryPassword } from './NewUserCredentials';

type User = Schemas['User'];
export type ResetPassword = (user: User, idempotencyKey: string) => Promise<Schemas['TemporaryPassword']>;

/**
 * 重置密码: after a confirmation that says what it does (the authenticator is cleared, sessions
 * end, a new password must be chosen), the new temporary password is shown once.
 */
export function ResetPasswordButton({ user, reset }: { user: User; reset: ResetPassword }) {
  const { t, i18n } = useTranslation();
  const { message, modal } = App.useApp();

  const confirm = () =>
    modal.confirm({
      title: t('passwordReset.confirmTitle', { name: user.name }),
      content: t('passwordReset.confirmBody', { name: user.name }),
      okText: t('passwordReset.confirm'),
      okButtonProps: { danger: true },
      cancelText: t('common.cancel'),
      onOk: async () => {
        try {
          const { temporaryPassword } = await reset(user, newIdempotencyKey());
          modal.success({
            title: t('passwordReset.done', { name: user.name }),
            width: 520,
            content: <TemporaryPassword username={user.username} password={temporaryPassword} />,
          });
        } catch (error) {
          void message.error(errorText(error, t, i18n.language));
        }
      },
    });

  return (
    <Button size="small" icon={<KeyOutlined />} onClick={confirm}>
      {t('passwordReset.action')}
    </Button>
  );
}
