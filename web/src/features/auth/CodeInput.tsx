import { Input, type InputProps } from 'antd';

/**
 * Keeps the first `max` digits of what was typed or pasted: "482 913" from an SMS becomes
 * "482913", "139 8571 2000" becomes "13985712000". (A maxLength would cut the paste first.)
 */
export const digits = (max: number) => (value: unknown) =>
  typeof value === 'string' ? value.replace(/\D/g, '').slice(0, max) : value;

export const SIX_DIGITS = /^\d{6}$/;

/** A 6-digit code (SMS or authenticator): the number pad on a phone, and the SMS autofill. */
export function CodeInput(props: InputProps) {
  return <Input inputMode="numeric" autoComplete="one-time-code" size="large" {...props} />;
}
