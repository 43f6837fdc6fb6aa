import { Button } from 'antd';
import { useTranslation } from 'react-i18next';
import type { SignInStep, Tokens } from '../../lib/auth';
import { PasswordChangeStep } from './PasswordChangeStep';
import { RecoveryCodes } from './RecoveryCodes';
import { TotpEnrolForm } from './TotpEnrolForm';
import { TotpStep } from './TotpStep';
import type { OnRestart, OnStep } from './use-step-submit';

/** A step still to do, or the recovery codes to see before the sign-in ends. */
export type PendingStep =
  | Exclude<SignInStep, { status: 'signed_in' }>
  | { status: 'recovery_codes'; codes: string[]; tokens: Tokens };

/** The step after the password: a new password, the TOTP code, TOTP set-up, the recovery codes. */
export function SignInSteps(props: {
  step: PendingStep;
  onStep: OnStep;
  onRestart: OnRestart;
  onSaved: (tokens: Tokens) => Promise<void>;
}) {
  const { t } = useTranslation();
  const { step, onStep, onRestart } = props;
  if (step.status === 'recovery_codes')
    return <RecoveryCodes codes={step.codes} onDone={() => props.onSaved(step.tokens)} />;
  return (
    <>
      {step.status === 'password_change_required' && (
        <PasswordChangeStep challenge={step.challenge} onStep={onStep} onRestart={onRestart} />
      )}
      {step.status === 'totp_required' && (
        <TotpStep challenge={step.challenge} onStep={onStep} onRestart={onRestart} />
      )}
      {step.status === 'totp_enrolment_required' && (
        <TotpEnrolForm
          setup={step.setup}
          onStep={onStep}
          onRestart={onRestart}
          intro={t('auth.enrolIntro')}
        />
      )}
      <Button type="link" block style={{ marginTop: 4 }} onClick={() => onRestart('')}>
        {t('auth.back')}
      </Button>
    </>
  );
}
