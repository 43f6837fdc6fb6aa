import { Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';

/** As the API's newPasswordSchema: 10–128 characters with a letter and a digit. */
export function NewPasswordFields() {
  const { t } = useTranslation();
  return (
    <>
      <Form.Item
        name="newPassword"
        label={t('auth.newPassword')}
        extra={t('auth.passwordRules')}
        rules={[
          { required: true, message: t('common.required') },
          { min: 10, message: t('auth.passwordTooShort') },
          { max: 128, message: t('auth.passwordTooLong') },
          { pattern: /[A-Za-z]/, message: t('auth.passwordNeedsLetter') },
          { pattern: /\d/, message: t('auth.passwordNeedsDigit') },
        ]}
      >
        <Input.Password size="large" autoComplete="new-password" />
      </Form.Item>
      <Form.Item
        name="confirmPassword"
        label={t('auth.confirmPassword')}
        dependencies={['newPassword']}
        rules={[
          { required: true, message: t('common.required') },
          ({ getFieldValue }) => ({
            validator: (_, value) =>
              !value || value === getFieldValue('newPassword')
                ? Promise.resolve()
                : Promise.reject(new Error(t('auth.passwordMismatch'))),
          }),
        ]}
      >
        <Input.Password size="large" autoComplete="new-password" />
      </Form.Item>
    </>
  );
}
