import { DEFAULT_POSTING_DAYS } from '@xjf/domain/defaults';
import { Alert, App, Form, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { api, call, type Schemas } from '../../lib/api';
import { useSubmit } from '../../lib/forms';
import { VillageFields, type VillageValues, villageDetails } from './VillageFields';

type Village = Schemas['Village'];
type Patch = Schemas['VillagePatch'];

/**
 * Only the fields that changed, so the PATCH cannot undo someone else's edit of another field;
 * an optional field the admin emptied is sent as `null`, which clears it.
 */
function changes(before: Village, values: VillageValues): Patch {
  const after = villageDetails(values);
  const patch: Patch = {};
  if (after.name !== undefined && after.name !== before.name) patch.name = after.name;
  const optional = ['householdCount', 'population', 'contactName', 'contactPhone', 'description'] as const;
  for (const field of optional) {
    const value = after[field];
    if (value === before[field]) continue;
    Object.assign(patch, { [field]: value ?? null });
  }
  const postingDays = after.postingDays ?? DEFAULT_POSTING_DAYS;
  if (postingDays !== (before.postingDays ?? DEFAULT_POSTING_DAYS)) patch.postingDays = postingDays;
  return patch;
}

export function EditVillageModal(props: { village: Village; onSaved: () => void; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<VillageValues>();
  const { submit, submitting, error } = useSubmit(
    form,
    (values: VillageValues) =>
      call(
        api().PATCH('/api/villages/{villageId}', {
          params: { path: { villageId: props.village.id } },
          body: changes(props.village, values),
        }),
      ),
    { onSuccess: props.onSaved },
  );

  const onFinish = (values: VillageValues) => {
    if (Object.keys(changes(props.village, values)).length === 0) {
      void message.info(t('village.noChange'));
      props.onClose();
      return;
    }
    void submit(values);
  };

  return (
    <Modal
      open
      width={640}
      title={t('village.edit')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={submitting}
      onOk={() => form.submit()}
      onCancel={props.onClose}
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{
          ...props.village,
          postingDays: props.village.postingDays ?? DEFAULT_POSTING_DAYS,
        }}
        onFinish={onFinish}
      >
        <VillageFields />
        {error && <Alert type="error" showIcon title={error} />}
      </Form>
    </Modal>
  );
}
