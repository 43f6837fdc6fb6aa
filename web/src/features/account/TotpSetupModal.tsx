import { Alert, Modal, Spin } from 'antd';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadError } from '../../components/LoadError';
import { api, call } from '../../lib/api';
import { type SignInStep, startSession } from '../../lib/auth';
import { useLoad } from '../../lib/use-load';
import { RecoveryCodes } from '../auth/RecoveryCodes';
import { TotpEnrolForm } from '../auth/TotpEnrolForm';

/**
 * Sets up (or replaces) the authenticator from the account page: a new secret, its first code,
 * then the new recovery codes, shown once. The answer is a new session, whose tokens are kept.
 */
export function TotpSetupModal({ onClose }: { onClose: (enrolled: boolean) => void }) {
  const { t } = useTranslation();
  const setup = useLoad(useCallback(() => call(api().POST('/api/auth/totp/setup')), []));
  const [codes, setCodes] = useState<string[]>();
  const [expired, setExpired] = useState(false);

  async function onStep(step: SignInStep) {
    if (step.status !== 'signed_in') throw new Error(`unexpected step ${step.status}`);
    startSession(step.tokens);
    setCodes(step.recoveryCodes ?? []);
  }

  return (
    <Modal
      open
      title={t(codes ? 'auth.steps.recovery_codes' : 'auth.steps.totp_enrolment_required')}
      footer={null}
      maskClosable={false}
      onCancel={() => onClose(codes !== undefined)}
    >
      {codes ? (
        <RecoveryCodes codes={codes} onDone={() => onClose(true)} />
      ) : setup.error ? (
        <LoadError error={setup.error} onRetry={setup.reload} />
      ) : setup.data && !setup.loading ? (
        <>
          {expired && (
            <Alert type="warning" showIcon title={t('account.setupExpired')} style={{ marginBottom: 16 }} />
          )}
          <TotpEnrolForm
            key={setup.data.challenge}
            setup={setup.data}
            onStep={onStep}
            onRestart={() => {
              setExpired(true);
              setup.reload();
            }}
          />
        </>
      ) : (
        <Spin style={{ display: 'block', margin: '48px auto' }} />
      )}
    </Modal>
  );
}
