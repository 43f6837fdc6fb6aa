import { Alert, Form, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { api, call } from '../../lib/api';
import { useSubmit } from '../../lib/forms';
import type { Township } from './county-data';

export function AddTownshipModal(props: {
  countyId: string;
  onAdded: (township: Township) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ name: string }>();
  const { submit, submitting, error } = useSubmit(
    form,
    (v: { name: string }, key) =>
      call(
        api().POST('/api/counties/{countyId}/townships', {
          params: { path: { countyId: props.countyId }, header: { 'idempotency-key': key } },
          body: { name: v.name.trim() },
        }),
      ),
    { onSuccess: props.onAdded },
  );
  return (
    <Modal
      open
      title={t('county.addTownship')}
      okText={t('county.addTownship')}
      cancelText={t('common.cancel')}
      confirmLoading={submitting}
      onOk={() => form.submit()}
      onCancel={props.onClose}
    >
      <Form form={form} layout="vertical" onFinish={(v) => void submit(v)}>
        <Form.Item
          name="name"
          label={t('county.townshipName')}
          rules={[{ required: true, whitespace: true, max: 30 }]}
        >
          <Input autoFocus placeholder="凤山乡" maxLength={30} />
        </Form.Item>
        {error && <Alert type="error" showIcon title={error} />}
      </Form>
    </Modal>
  );
}
