import { Alert, Form, Input, Modal, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Role, Schemas } from '../../lib/api';
import { PHONE, USERNAME, useSubmit } from '../../lib/forms';
import { HouseholdSelect } from '../points/HouseholdSelect';
import { TownshipSelect } from './TownshipSelect';

type User = Schemas['CreatedUser'];
export type UserBody = Schemas['UserCreate'];
type Values = {
  username: string;
  name: string;
  role: Role;
  phone?: string;
  householdId?: string;
  townshipId?: string;
};

/**
 * Adds a user with one of `roles`. The API decides again who may give which role; this only
 * offers the roles it would accept. Rendered while open, so each opening starts empty.
 */
export function AddUserModal(props: {
  title: string;
  roles: readonly Role[];
  /** Where a villager's household is chosen from: only a village's users page offers villagers. */
  villageId?: string;
  /** Where a township reviewer's township is chosen from: only the county's users page offers them. */
  countyId?: string;
  send: (body: UserBody, idempotencyKey: string) => Promise<User>;
  onAdded: (user: User) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const role = Form.useWatch('role', form);
  const { submit, submitting, error } = useSubmit(
    form,
    (v: Values, key) =>
      props.send(
        {
          username: v.username.trim().toLowerCase(),
          name: v.name.trim(),
          role: v.role,
          phone: v.phone || undefined,
          householdId: v.role === 'villager' ? v.householdId : undefined,
          townshipId: v.role === 'township_reviewer' ? v.townshipId : undefined,
        },
        key,
      ),
    { onSuccess: props.onAdded },
  );

  return (
    <Modal
      open
      title={props.title}
      okText={t('common.add')}
      cancelText={t('common.cancel')}
      confirmLoading={submitting}
      onOk={() => form.submit()}
      onCancel={props.onClose}
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ role: props.roles[0] }}
        onFinish={(v) => void submit(v)}
        requiredMark="optional"
      >
        <Form.Item name="name" label={t('user.name')} rules={[{ required: true, whitespace: true, max: 20 }]}>
          <Input autoFocus maxLength={20} />
        </Form.Item>
        <Form.Item
          name="username"
          label={t('user.username')}
          extra={t('user.usernameHint')}
          normalize={(value: string) => value.toLowerCase()}
          rules={[{ required: true }, { pattern: USERNAME, message: t('errors.username') }]}
        >
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item name="role" label={t('user.role')} rules={[{ required: true }]}>
          <Select
            disabled={props.roles.length === 1}
            options={props.roles.map((role) => ({ value: role, label: t(`roles.${role}`) }))}
          />
        </Form.Item>
        <Form.Item
          name="phone"
          label={t('user.phone')}
          rules={[{ pattern: PHONE, message: t('errors.phone') }]}
        >
          <Input inputMode="tel" maxLength={11} />
        </Form.Item>
        {role === 'villager' && props.villageId && (
          <Form.Item
            name="householdId"
            label={t('user.household')}
            extra={t('user.householdHint')}
            rules={[{ required: true, message: t('common.required') }]}
          >
            <HouseholdSelect villageId={props.villageId} />
          </Form.Item>
        )}
        {role === 'township_reviewer' && props.countyId && (
          <Form.Item
            name="townshipId"
            label={t('review.township')}
            extra={t('review.townshipHint')}
            rules={[{ required: true, message: t('common.required') }]}
          >
            <TownshipSelect countyId={props.countyId} />
          </Form.Item>
        )}
        {error && <Alert type="error" showIcon title={error} />}
      </Form>
    </Modal>
  );
}
