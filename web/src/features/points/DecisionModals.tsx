import { Alert, Form, Input, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSubmit } from '../../lib/forms';
import { type PointRecord, rejectRecord, reverseRecord } from './points-api';

const who = (r: PointRecord) => `${r.householdNumber} ${r.headName} · ${r.rule.name}`;

/** 驳回: the reason is optional, but tells the recorder what to fix. */
export function RejectModal(props: {
  villageId: string;
  record: PointRecord;
  onDone: (record: PointRecord) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ reason?: string }>();
  const { submit, submitting, error } = useSubmit(
    form,
    (body: { reason?: string }, key) =>
      rejectRecord(
        { villageId: props.villageId, recordId: props.record.id, idempotencyKey: key },
        body.reason,
      ),
    { onSuccess: props.onDone },
  );
  return (
    <Modal
      open
      title={t('points.rejectTitle')}
      okText={t('points.reject')}
      okButtonProps={{ danger: true }}
      cancelText={t('common.cancel')}
      confirmLoading={submitting}
      onOk={() => form.submit()}
      onCancel={props.onClose}
    >
      <Typography.Paragraph>{who(props.record)}</Typography.Paragraph>
      <Form
        form={form}
        layout="vertical"
        onFinish={(v) => void submit({ reason: v.reason?.trim() || undefined })}
      >
        <Form.Item name="reason" label={t('points.rejectReason')} rules={[{ max: 200 }]}>
          <Input.TextArea rows={2} maxLength={200} placeholder={t('points.rejectReasonPlaceholder')} />
        </Form.Item>
        {error && <Alert type="error" showIcon title={error} />}
      </Form>
    </Modal>
  );
}

/** 冲正: an opposite entry offsets an effective record; the reason is required and goes on the ledger. */
export function ReverseModal(props: {
  villageId: string;
  record: PointRecord;
  onDone: (record: PointRecord) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ reason: string }>();
  const { submit, submitting, error } = useSubmit(
    form,
    (body: { reason: string }, key) =>
      reverseRecord(
        { villageId: props.villageId, recordId: props.record.id, idempotencyKey: key },
        body.reason,
      ),
    { onSuccess: props.onDone },
  );
  return (
    <Modal
      open
      title={t('points.reverseTitle')}
      okText={t('points.reverseConfirm')}
      okButtonProps={{ danger: true }}
      cancelText={t('common.cancel')}
      confirmLoading={submitting}
      onOk={() => form.submit()}
      onCancel={props.onClose}
    >
      <Typography.Paragraph>{who(props.record)}</Typography.Paragraph>
      <Alert
        type="warning"
        showIcon
        title={t('points.reverseHint', { points: props.record.points ?? props.record.estimate })}
        style={{ marginBottom: 16 }}
      />
      <Form form={form} layout="vertical" onFinish={(v) => void submit({ reason: v.reason.trim() })}>
        <Form.Item
          name="reason"
          label={t('points.reverseReason')}
          rules={[
            { required: true, whitespace: true, message: t('points.reverseReasonRequired') },
            { min: 2, message: t('points.reverseReasonRequired') },
            { max: 200 },
          ]}
        >
          <Input.TextArea rows={2} maxLength={200} placeholder={t('points.reverseReasonPlaceholder')} />
        </Form.Item>
        {error && <Alert type="error" showIcon title={error} />}
      </Form>
    </Modal>
  );
}
