import { PrinterOutlined } from '@ant-design/icons';
import { Alert, Button, Form, Input, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSubmit } from '../../lib/forms';
import { Receipt } from './Receipt';
import { cancelRedemption, type Redemption } from './store-api';

/** A redemption's receipt, to reprint or to read back its code. */
export function ReceiptModal(props: { redemption: Redemption; villageName?: string; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal
      open
      title={t('store.receipt.title')}
      onCancel={props.onClose}
      footer={
        <Button icon={<PrinterOutlined />} onClick={() => window.print()}>
          {t('store.counter.print')}
        </Button>
      }
    >
      <Receipt redemption={props.redemption} villageName={props.villageName} />
    </Modal>
  );
}

/** 撤销: the admin gives a reason; the points and the goods go back. */
export function CancelModal(props: {
  villageId: string;
  redemption: Redemption;
  onDone: (redemption: Redemption) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const r = props.redemption;
  const [form] = Form.useForm<{ reason: string }>();
  const { submit, submitting, error } = useSubmit(
    form,
    (body: { reason: string }, key) => cancelRedemption(props.villageId, r.id, body.reason, key),
    { onSuccess: props.onDone },
  );
  return (
    <Modal
      open
      title={t('store.redemptions.cancelTitle', { code: r.code })}
      okText={t('store.redemptions.cancelConfirm')}
      okButtonProps={{ danger: true }}
      cancelText={t('common.cancel')}
      confirmLoading={submitting}
      onOk={() => form.submit()}
      onCancel={props.onClose}
    >
      <Typography.Paragraph>
        {t('store.redemptions.cancelHint', {
          total: r.total,
          household: `${r.householdNumber} ${r.headName}`,
        })}
      </Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={(v) => void submit({ reason: v.reason.trim() })}>
        <Form.Item
          name="reason"
          label={t('store.redemptions.cancelReason')}
          rules={[
            {
              required: true,
              whitespace: true,
              min: 2,
              message: t('store.redemptions.cancelReasonRequired'),
            },
          ]}
        >
          <Input.TextArea
            rows={2}
            maxLength={200}
            placeholder={t('store.redemptions.cancelReasonPlaceholder')}
          />
        </Form.Item>
      </Form>
      {error && <Alert type="error" showIcon title={error} />}
    </Modal>
  );
}
