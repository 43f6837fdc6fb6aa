import type { FormInstance } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../lib/api';
import type { SignInStep } from '../../lib/auth';
import { applyFieldErrors } from '../../lib/forms';
import { authErrorText } from './auth-errors';

export type OnStep = (step: SignInStep) => Promise<void>;
/** Back to the first step, saying why (a challenge that expired). */
export type OnRestart = (reason: string) => void;

/**
 * Sends one sign-in step and hands its answer on. Errors land on the form (field by field and
 * as a sentence); an expired challenge starts the sign-in again.
 */
export function useStepSubmit<V>(
  form: FormInstance<V>,
  send: (values: V) => Promise<SignInStep>,
  options: { onStep: OnStep; onRestart?: OnRestart; sms?: boolean },
) {
  const { t, i18n } = useTranslation();
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<string>();

  async function submit(values: V) {
    setSubmitting(true);
    setError(undefined);
    try {
      await options.onStep(await send(values));
    } catch (caught) {
      if (caught instanceof ApiError && caught.code === 'challenge_expired' && options.onRestart) {
        options.onRestart(t('auth.errors.challenge_expired'));
        return;
      }
      applyFieldErrors(form, caught, i18n.language);
      setError(authErrorText(caught, t, i18n.language, { sms: options.sms }));
    } finally {
      setSubmitting(false);
    }
  }

  return { submit, submitting, error };
}
