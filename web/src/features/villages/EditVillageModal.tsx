import { Alert, App, Form, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { api, call, type Schemas } from '../../lib/api';
import { useSubmit } from '../../lib/forms';
import { VillageFields, type VillageValues, villageDetails } from './VillageFields';

type Village = Schemas['Village'];
type Patch = Schemas['VillagePatch'];

/**
 * Only the fields that changed, so the PATCH cannot undo someone else's edit of another field.
 * The API cannot clear a field yet, so an emptied optional field is left as it was.
 */
function changes(before: Village, values: VillageValues): Patch {
  const after = villageDetails(values);
  const changed = <T,>(a: T | undefined, b: T | undefined) => a !== undefined && a !== b;
  const patch: Patch = {};
  if (changed(after.name, before.name)) patch.name = after.name;
  if (changed(after.householdCount, before.householdCount)) patch.householdCount = after.householdCount;
  if (changed(after.population, before.population)) patch.population = after.population;
  if (changed(after.contactName, before.contactName)) patch.contactName = after.contactName;
  if (changed(after.contactPhone, before.contactPhone)) patch.contactPhone = after.contactPhone;
  if (changed(after.description, before.description)) patch.description = after.description;
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
      <Form form={form} layout="vertical" initialValues={props.village} onFinish={onFinish}>
        <VillageFields />
        {error && <Alert type="error" showIcon title={error} />}
      </Form>
    </Modal>
  );
}
