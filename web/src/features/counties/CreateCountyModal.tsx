import { Alert, Form, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { api, call, type Schemas } from '../../lib/api';
import { useSubmit } from '../../lib/forms';

type Values = { name: string; province: string; divisionCode?: string };

export function CreateCountyModal(props: {
  onCreated: (county: Schemas['County']) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const { submit, submitting, error } = useSubmit(
    form,
    (v: Values, key) =>
      call(
        api().POST('/api/counties', {
          params: { header: { 'idempotency-key': key } },
          body: {
            name: v.name.trim(),
            province: v.province.trim(),
            divisionCode: v.divisionCode || undefined,
          },
        }),
      ),
    { onSuccess: props.onCreated },
  );

  return (
    <Modal
      open
      title={t('counties.create')}
      okText={t('counties.create')}
      cancelText={t('common.cancel')}
      confirmLoading={submitting}
      onOk={() => form.submit()}
      onCancel={props.onClose}
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ province: '贵州省' }}
        onFinish={(v) => void submit(v)}
        requiredMark="optional"
      >
        <Form.Item
          name="name"
          label={t('counties.name')}
          rules={[{ required: true, whitespace: true, max: 30 }]}
        >
          <Input autoFocus placeholder="大方县" maxLength={30} />
        </Form.Item>
        <Form.Item
          name="province"
          label={t('counties.province')}
          rules={[{ required: true, whitespace: true, max: 20 }]}
        >
          <Input maxLength={20} />
        </Form.Item>
        <Form.Item
          name="divisionCode"
          label={t('counties.divisionCode')}
          extra={t('counties.divisionCodeHint')}
          rules={[{ pattern: /^\d{6}$/, message: t('counties.divisionCodeInvalid') }]}
        >
          <Input inputMode="numeric" maxLength={6} placeholder="520521" />
        </Form.Item>
        {error && <Alert type="error" showIcon title={error} />}
      </Form>
    </Modal>
  );
}
