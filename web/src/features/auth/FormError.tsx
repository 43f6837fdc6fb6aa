import { Alert } from 'antd';

/** A sign-in form's error, read out by screen readers as it appears. */
export function FormError({ text }: { text: string | undefined }) {
  if (!text) return null;
  return <Alert type="error" showIcon title={text} role="alert" style={{ marginBottom: 16 }} />;
}
