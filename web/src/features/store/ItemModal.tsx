import { Alert, Form, Input, InputNumber, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSubmit } from '../../lib/forms';
import { PhotoUpload } from '../photos/PhotoUpload';
import { createItem, patchItem, type StoreItem } from './store-api';

type Values = { name: string; price: number; unit: string; lowStockAt: number; photoKey?: string | null };

/** 上架 a new item, or change an item's name, price, unit, photo or low-stock level. */
export function ItemModal(props: {
  villageId: string;
  /** The item being edited; none to add one. */
  item?: StoreItem;
  onDone: (item: StoreItem) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const { item } = props;
  const { submit, submitting, error } = useSubmit(
    form,
    ({ photoKey, ...body }: Values, key) =>
      item
        ? patchItem(props.villageId, item.id, { ...body, photoKey: photoKey ?? null })
        : createItem(props.villageId, { ...body, photoKey: photoKey ?? undefined }, key),
    { onSuccess: props.onDone },
  );
  return (
    <Modal
      open
      title={item ? t('store.catalog.editTitle') : t('store.catalog.add')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={submitting}
      onOk={() => form.submit()}
      onCancel={props.onClose}
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={item ?? { lowStockAt: 5 }}
        onFinish={(v) => void submit({ ...v, name: v.name.trim(), unit: v.unit.trim() })}
      >
        <Form.Item
          name="name"
          label={t('store.catalog.name')}
          rules={[{ required: true, whitespace: true, message: t('common.required') }, { max: 30 }]}
        >
          <Input maxLength={30} placeholder={t('store.catalog.namePlaceholder')} />
        </Form.Item>
        <Form.Item
          name="price"
          label={t('store.catalog.price')}
          rules={[{ required: true, message: t('common.required') }]}
        >
          <InputNumber<number> min={1} max={100_000} precision={0} style={{ width: 160 }} />
        </Form.Item>
        <Form.Item
          name="unit"
          label={t('store.catalog.unit')}
          rules={[{ required: true, whitespace: true, message: t('common.required') }, { max: 6 }]}
        >
          <Input maxLength={6} style={{ width: 160 }} placeholder={t('store.catalog.unitPlaceholder')} />
        </Form.Item>
        <Form.Item
          name="lowStockAt"
          label={t('store.catalog.lowStockAt')}
          extra={t('store.catalog.lowStockHint')}
          rules={[{ required: true, message: t('common.required') }]}
        >
          <InputNumber<number> min={0} max={100_000} precision={0} style={{ width: 160 }} />
        </Form.Item>
        {/* One photo: the field holds its key, the upload works with a list of one. */}
        <Form.Item
          name="photoKey"
          label={t('photos.itemPhoto')}
          getValueProps={(photoKey?: string | null) => ({ value: photoKey ? [photoKey] : [] })}
          normalize={(photoKeys: string[]) => photoKeys[0] ?? null}
        >
          <PhotoUpload
            villageId={props.villageId}
            purpose="item"
            max={1}
            shown={item?.photoKey && item.photoUrl ? [{ photoKey: item.photoKey, url: item.photoUrl }] : []}
          />
        </Form.Item>
      </Form>
      {error && <Alert type="error" showIcon title={error} />}
    </Modal>
  );
}
