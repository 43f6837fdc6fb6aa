import { Alert, DatePicker, Form, Input, Modal, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { todayInChina } from '../../lib/format';
import { useSubmit } from '../../lib/forms';
import { publish, type RuleSetVersion, type RulesOwner } from './rules-api';

type Values = { effectiveFrom: Dayjs; note?: string };

/** Turns the saved draft into the next version, from an effective date (today in China by default). */
export function PublishModal(props: {
  owner: RulesOwner;
  ruleSetId: string;
  nextVersion: number;
  onPublished: (version: RuleSetVersion) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const { submit, submitting, error } = useSubmit(
    form,
    (v: { effectiveFrom: string; note?: string }, key) => publish(props.owner, props.ruleSetId, v, key),
    { onSuccess: props.onPublished },
  );

  return (
    <Modal
      open
      title={t('rules.publishTitle', { version: props.nextVersion })}
      okText={t('rules.publish')}
      cancelText={t('common.cancel')}
      confirmLoading={submitting}
      onOk={() => form.submit()}
      onCancel={props.onClose}
    >
      <Typography.Paragraph type="secondary">{t('rules.publishHint')}</Typography.Paragraph>
      <Form
        form={form}
        layout="vertical"
        initialValues={{ effectiveFrom: dayjs(todayInChina()) }}
        onFinish={(v) =>
          void submit({
            effectiveFrom: v.effectiveFrom.format('YYYY-MM-DD'),
            note: v.note?.trim() || undefined,
          })
        }
        requiredMark="optional"
      >
        <Form.Item name="effectiveFrom" label={t('rules.effectiveFrom')} rules={[{ required: true }]}>
          <DatePicker allowClear={false} format={t('rules.dateFormat')} />
        </Form.Item>
        <Form.Item name="note" label={t('rules.publishNote')} rules={[{ max: 200 }]}>
          <Input.TextArea rows={2} maxLength={200} placeholder={t('rules.publishNotePlaceholder')} />
        </Form.Item>
        {error && <Alert type="error" showIcon title={error} />}
      </Form>
    </Modal>
  );
}
