import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, Form, Input, Modal, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { PHONE, useSubmit } from '../../lib/forms';
import {
  createHousehold,
  type Household,
  type HouseholdCreate,
  type Relation,
  relations,
} from './households-api';

type MemberValues = { name?: string; relation?: Relation; phone?: string };
type Values = { number: string; group: string; address?: string; members: MemberValues[] };

/** Form values → the API's body: trimmed, empty optional fields left out. */
function toBody(v: Values): HouseholdCreate {
  return {
    number: v.number.trim(),
    group: v.group.trim(),
    address: v.address?.trim() || undefined,
    members: v.members.map((m) => ({
      name: (m.name ?? '').trim(),
      relation: m.relation ?? '其他',
      phone: m.phone?.trim() || undefined,
    })),
  };
}

/** 登记农户: the household and its members, exactly one of them the head (户主). */
export function CreateHouseholdModal(props: {
  villageId: string;
  onCreated: (household: Household) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const { submit, submitting, error } = useSubmit(
    form,
    (body: HouseholdCreate, key) => createHousehold(props.villageId, body, key),
    { onSuccess: props.onCreated },
  );

  return (
    <Modal
      open
      width={720}
      title={t('households.create')}
      okText={t('households.create')}
      cancelText={t('common.cancel')}
      confirmLoading={submitting}
      onOk={() => form.submit()}
      onCancel={props.onClose}
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ members: [{ relation: '户主' }] }}
        onFinish={(v) => void submit(toBody(v))}
      >
        <Flex gap={16} wrap>
          <Form.Item
            name="number"
            label={t('households.number')}
            rules={[{ required: true, whitespace: true, max: 20 }]}
          >
            <Input maxLength={20} style={{ width: 160 }} placeholder={t('households.numberPlaceholder')} />
          </Form.Item>
          <Form.Item
            name="group"
            label={t('households.group')}
            rules={[{ required: true, whitespace: true, max: 20 }]}
          >
            <Input maxLength={20} style={{ width: 200 }} placeholder={t('households.groupPlaceholder')} />
          </Form.Item>
        </Flex>
        <Form.Item name="address" label={t('households.address')} rules={[{ max: 100 }]}>
          <Input maxLength={100} />
        </Form.Item>
        <Typography.Text strong>{t('households.members')}</Typography.Text>
        <Form.List
          name="members"
          rules={[
            {
              validator: async (_, members?: MemberValues[]) => {
                if (!members?.length) throw new Error(t('households.noMembers'));
                if (members.filter((m) => m?.relation === '户主').length !== 1) {
                  throw new Error(t('households.oneHead'));
                }
              },
            },
          ]}
        >
          {(fields, { add, remove }, { errors }) => (
            <div style={{ marginTop: 8 }}>
              {fields.map((field, index) => (
                <Flex key={field.key} gap={8} align="start" wrap data-testid={`member-${index}`}>
                  <Form.Item
                    name={[field.name, 'name']}
                    rules={[{ required: true, whitespace: true, message: t('common.required') }, { max: 20 }]}
                  >
                    <Input
                      maxLength={20}
                      style={{ width: 160 }}
                      placeholder={t('households.memberName')}
                      aria-label={t('households.memberName')}
                    />
                  </Form.Item>
                  <Form.Item
                    name={[field.name, 'relation']}
                    rules={[{ required: true, message: t('common.required') }]}
                  >
                    <Select
                      style={{ width: 130 }}
                      placeholder={t('households.relation')}
                      aria-label={t('households.relation')}
                      options={relations.map((r) => ({ value: r, label: r }))}
                    />
                  </Form.Item>
                  <Form.Item
                    name={[field.name, 'phone']}
                    rules={[{ pattern: PHONE, message: t('errors.phone') }]}
                  >
                    <Input
                      inputMode="tel"
                      maxLength={11}
                      style={{ width: 160 }}
                      placeholder={t('households.phone')}
                      aria-label={t('households.phone')}
                    />
                  </Form.Item>
                  <Button
                    icon={<DeleteOutlined />}
                    aria-label={t('households.removeMember')}
                    disabled={fields.length === 1}
                    onClick={() => remove(field.name)}
                  />
                </Flex>
              ))}
              <Form.ErrorList errors={errors} />
              <Button
                type="dashed"
                icon={<PlusOutlined />}
                onClick={() => add({ relation: fields.length === 0 ? '户主' : '子女' })}
                style={{ marginBottom: 16 }}
              >
                {t('households.addMember')}
              </Button>
            </div>
          )}
        </Form.List>
        {error && <Alert type="error" showIcon title={error} />}
      </Form>
    </Modal>
  );
}
