import { Alert, Form, Input, InputNumber, Modal, Radio } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSubmit } from '../../lib/forms';
import { addStockMovement, intakeSources, type StockMovementCreate, type StoreItem } from './store-api';

type Source = (typeof intakeSources)[number];
type Values = {
  quantity?: number;
  source?: Source;
  costYuan?: number | null;
  note?: string;
  delta?: number;
  reason?: string;
};

/** 入库 (goods arrive: donated, bought) or 盘点调整 (the count differs from the books, with a reason). */
export function StockModal(props: {
  villageId: string;
  item: StoreItem;
  kind: 'intake' | 'adjustment';
  onDone: (item: StoreItem, text: string) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const { item, kind } = props;
  const { submit, submitting, error } = useSubmit(
    form,
    (body: StockMovementCreate, key) => addStockMovement(props.villageId, item.id, body, key),
    {
      onSuccess: (result, body) =>
        props.onDone(
          result.item,
          body.kind === 'intake'
            ? t('store.stock.intakeDone', {
                quantity: body.quantity,
                unit: item.unit,
                name: item.name,
                stock: result.item.stock,
              })
            : t('store.stock.adjustDone', { name: item.name, stock: result.item.stock }),
        ),
    },
  );

  const onFinish = (v: Values) => {
    if (kind === 'intake') {
      void submit({
        kind: 'intake',
        quantity: v.quantity ?? 0,
        source: v.source ?? 'donation',
        costYuan: v.costYuan ?? undefined,
        note: v.note?.trim() || undefined,
      });
    } else {
      void submit({ kind: 'adjustment', delta: v.delta ?? 0, reason: v.reason?.trim() ?? '' });
    }
  };

  return (
    <Modal
      open
      title={t(kind === 'intake' ? 'store.stock.intakeTitle' : 'store.stock.adjustTitle', {
        name: item.name,
      })}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={submitting}
      onOk={() => form.submit()}
      onCancel={props.onClose}
    >
      <Form form={form} layout="vertical" initialValues={{ source: 'donation' }} onFinish={onFinish}>
        {kind === 'intake' ? (
          <>
            <Form.Item
              name="quantity"
              label={t('store.stock.quantity')}
              rules={[{ required: true, message: t('common.required') }]}
            >
              <InputNumber<number>
                min={1}
                max={100_000}
                precision={0}
                suffix={item.unit}
                style={{ width: 180 }}
              />
            </Form.Item>
            <Form.Item name="source" label={t('store.stock.source')}>
              <Radio.Group
                optionType="button"
                options={intakeSources.map((s) => ({ value: s, label: t(`store.stock.sources.${s}`) }))}
              />
            </Form.Item>
            <Form.Item name="costYuan" label={t('store.stock.costYuan')} extra={t('store.stock.costHint')}>
              <InputNumber<number> min={0} max={10_000_000} precision={2} prefix="¥" style={{ width: 180 }} />
            </Form.Item>
            <Form.Item name="note" label={t('store.stock.note')} rules={[{ max: 100 }]}>
              <Input maxLength={100} placeholder={t('store.stock.notePlaceholder')} />
            </Form.Item>
          </>
        ) : (
          <>
            <Form.Item
              name="delta"
              label={t('store.stock.delta')}
              extra={t('store.stock.deltaHint')}
              rules={[
                { required: true, message: t('common.required') },
                {
                  validator: (_, value?: number) =>
                    value === 0 ? Promise.reject(new Error(t('store.stock.deltaZero'))) : Promise.resolve(),
                },
              ]}
            >
              <InputNumber<number>
                min={-item.stock}
                max={100_000}
                precision={0}
                suffix={item.unit}
                style={{ width: 180 }}
              />
            </Form.Item>
            <Form.Item
              name="reason"
              label={t('store.stock.reason')}
              rules={[{ required: true, whitespace: true, min: 2, message: t('store.stock.reasonRequired') }]}
            >
              <Input maxLength={100} placeholder={t('store.stock.reasonPlaceholder')} />
            </Form.Item>
          </>
        )}
      </Form>
      {error && <Alert type="error" showIcon title={error} />}
    </Modal>
  );
}
