import { Alert, Form, Input, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { PHONE, useSubmit } from '../../lib/forms';
import type { ObjectionCreate } from './board-api';

type Values = { reason: string; name?: string; phone?: string };

/** 异议: a reason (2–200 characters) and, if the objector wishes, a name and phone for the village staff. */
export function ObjectionModal(props: {
  /** What the objection is about, as the objector sees it (masked on the public board). */
  subject: string;
  title: string;
  hint: string;
  send: (body: ObjectionCreate, idempotencyKey: string) => Promise<unknown>;
  onDone: () => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const { submit, submitting, error } = useSubmit(form, (v: ObjectionCreate, key) => props.send(v, key), {
    onSuccess: props.onDone,
  });
  return (
    <Modal
      open
      title={props.title}
      okText={t('board.submit')}
      cancelText={t('common.cancel')}
      confirmLoading={submitting}
      onOk={() => form.submit()}
      onCancel={props.onClose}
    >
      <Typography.Paragraph strong>{props.subject}</Typography.Paragraph>
      <Typography.Paragraph type="secondary">{props.hint}</Typography.Paragraph>
      <Form
        form={form}
        layout="vertical"
        size="large"
        onFinish={(v) =>
          void submit({
            reason: v.reason.trim(),
            name: v.name?.trim() || undefined,
            phone: v.phone?.trim() || undefined,
          })
        }
      >
        <Form.Item
          name="reason"
          label={t('board.reason')}
          rules={[
            {
              required: true,
              validator: (_, value?: string) =>
                [...(value ?? '').trim()].length >= 2 && (value ?? '').trim().length <= 200
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('board.reasonRequired'))),
            },
          ]}
        >
          <Input.TextArea rows={3} maxLength={200} showCount placeholder={t('board.reasonPlaceholder')} />
        </Form.Item>
        <Form.Item name="name" label={t('board.name')} rules={[{ max: 20 }]}>
          <Input maxLength={20} autoComplete="name" />
        </Form.Item>
        <Form.Item
          name="phone"
          label={t('board.phone')}
          rules={[{ pattern: PHONE, message: t('errors.phone') }]}
        >
          <Input inputMode="tel" maxLength={11} autoComplete="tel" />
        </Form.Item>
        {error && <Alert type="error" showIcon title={error} />}
      </Form>
    </Modal>
  );
}
