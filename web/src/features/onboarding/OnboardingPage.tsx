import { Alert, Button, Card, Form, Space, Steps, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { PublicShell } from '../../components/PublicShell';
import { api, call, type Schemas } from '../../lib/api';
import { errorText } from '../../lib/errors';
import { useSubmit } from '../../lib/forms';
import { VillageFields, type VillageValues, villageDetails } from '../villages/VillageFields';
import { AdminFields } from './AdminFields';
import { CodeStep, type InvitePreview } from './CodeStep';
import { DoneStep } from './DoneStep';
import { inviteProblem, isCodeShaped, normalizeCode } from './invite-code';
import { StartWithFields } from './StartWithFields';

type Values = {
  inviteCode: string;
  village: VillageValues;
  admin: { name: string; username: string; phone: string };
  startWith?: { templateId?: string; programName?: string };
};

const villagePaths = [
  'name',
  'householdCount',
  'population',
  'contactName',
  'contactPhone',
  'description',
].map((f) => ['village', f]);

/**
 * `/onboarding`, public: a village spends its invite code to create itself and its first admin.
 * All steps stay mounted (only hidden), so one form holds every value and any field error from
 * the API can be shown on its item, on whichever step it belongs to.
 */
export function OnboardingPage() {
  const { t, i18n } = useTranslation();
  const [params] = useSearchParams();
  const [form] = Form.useForm<Values>();
  const [step, setStep] = useState(0);
  const [preview, setPreview] = useState<InvitePreview>();
  const [problem, setProblem] = useState<string>();
  const [checking, setChecking] = useState(false);
  const [done, setDone] = useState<Schemas['OnboardingResult']>();

  const { submit, submitting, error, clearError } = useSubmit(
    form,
    (v: Values, key) =>
      call(
        api().POST('/api/onboarding/villages', {
          params: { header: { 'idempotency-key': key } },
          body: {
            inviteCode: normalizeCode(v.inviteCode),
            village: villageDetails(v.village),
            admin: {
              name: v.admin.name.trim(),
              username: v.admin.username.trim(),
              phone: v.admin.phone.trim(),
            },
            startWith: v.startWith?.templateId
              ? { templateId: v.startWith.templateId, programName: (v.startWith.programName ?? '').trim() }
              : undefined,
          },
        }),
      ),
    {
      onSuccess: (result) => {
        setDone(result);
        setStep(3);
      },
      onError: (caught, paths) => {
        const codeProblem = inviteProblem(caught, t);
        if (codeProblem) {
          setPreview(undefined);
          setProblem(codeProblem);
          setStep(0);
          clearError();
        } else if (paths.some((p) => p[0] === 'village')) setStep(1);
      },
    },
  );

  async function check() {
    const code = normalizeCode(form.getFieldValue('inviteCode') ?? '');
    form.setFieldValue('inviteCode', code);
    setPreview(undefined);
    if (!isCodeShaped(code)) {
      setProblem(t('onboarding.invalid'));
      return;
    }
    setChecking(true);
    setProblem(undefined);
    try {
      const found = await call(api().GET('/api/onboarding/invites/{code}', { params: { path: { code } } }));
      setPreview(found);
      if (found.status !== 'active') setProblem(t(`onboarding.${found.status}`));
    } catch (caught) {
      setProblem(inviteProblem(caught, t) ?? errorText(caught, t, i18n.language));
    } finally {
      setChecking(false);
    }
  }

  // A link from the county (`?code=…`) fills the code in and checks it straight away.
  const prefilled = useRef(false);
  useEffect(() => {
    const code = params.get('code');
    if (prefilled.current || !code) return;
    prefilled.current = true;
    form.setFieldValue('inviteCode', code);
    void check();
  });

  const toAdminStep = () =>
    form.validateFields(villagePaths).then(
      () => setStep(2),
      () => {},
    );

  // No submit button in the form, so Enter in a field never sends a half-filled wizard.
  const finish = () =>
    form.validateFields().then(
      (values) => submit(values),
      (invalid: { errorFields?: { name: (string | number)[] }[] }) => {
        if (invalid.errorFields?.some((f) => f.name[0] === 'village')) setStep(1);
      },
    );

  return (
    <PublicShell>
      <Card>
        <Typography.Title level={3}>{t('onboarding.title')}</Typography.Title>
        <Typography.Paragraph type="secondary">{t('onboarding.intro')}</Typography.Paragraph>
        <Steps
          current={step}
          style={{ margin: '24px 0' }}
          items={[
            { title: t('onboarding.stepCode') },
            { title: t('onboarding.stepVillage') },
            { title: t('onboarding.stepAdmin') },
            { title: t('onboarding.stepDone') },
          ]}
        />
        {done ? (
          <DoneStep result={done} />
        ) : (
          <Form form={form} layout="vertical" requiredMark="optional">
            <div hidden={step !== 0}>
              <CodeStep
                preview={preview}
                problem={problem}
                checking={checking}
                onCheck={() => void check()}
                onEdit={() => {
                  setPreview(undefined);
                  setProblem(undefined);
                }}
                onNext={() => setStep(1)}
              />
            </div>
            <div hidden={step !== 1}>
              <VillageFields prefix={['village']} />
              <StartWithFields templates={preview?.templates ?? []} />
              <Space>
                <Button onClick={() => setStep(0)}>{t('onboarding.prev')}</Button>
                <Button type="primary" onClick={() => void toAdminStep()}>
                  {t('onboarding.next')}
                </Button>
              </Space>
            </div>
            <div hidden={step !== 2}>
              <AdminFields />
              {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
              <Space>
                <Button onClick={() => setStep(1)}>{t('onboarding.prev')}</Button>
                <Button type="primary" loading={submitting} onClick={() => void finish()}>
                  {t('onboarding.finish')}
                </Button>
              </Space>
            </div>
          </Form>
        )}
      </Card>
    </PublicShell>
  );
}
