import { Alert, Form, Input, Modal, Radio } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSubmit } from '../../lib/forms';
import { createProgram, type Program, type RulesOwner } from './rules-api';

type Values = { name: string; description?: string; accountHolder: 'household' | 'member' };

export function CreateProgramModal(props: {
  owner: RulesOwner;
  onCreated: (program: Program) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const { submit, submitting, error } = useSubmit(
    form,
    (v: Values, key) =>
      createProgram(
        props.owner,
        {
          name: v.name.trim(),
          description: v.description?.trim() || undefined,
          accountHolder: v.accountHolder,
        },
        key,
      ),
    { onSuccess: props.onCreated },
  );

  return (
    <Modal
      open
      title={t('rules.addProgram')}
      okText={t('common.add')}
      cancelText={t('common.cancel')}
      confirmLoading={submitting}
      onOk={() => form.submit()}
      onCancel={props.onClose}
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ accountHolder: 'household' }}
        onFinish={(v) => void submit(v)}
        requiredMark="optional"
      >
        <Form.Item
          name="name"
          label={t('rules.programName')}
          rules={[{ required: true, whitespace: true, max: 30 }]}
        >
          <Input autoFocus maxLength={30} placeholder={t('rules.programNamePlaceholder')} />
        </Form.Item>
        <Form.Item name="accountHolder" label={t('rules.accountHolder')} rules={[{ required: true }]}>
          <Radio.Group
            options={[
              { value: 'household', label: t('rules.holder.household') },
              { value: 'member', label: t('rules.holder.member') },
            ]}
          />
        </Form.Item>
        <Form.Item name="description" label={t('rules.programDescription')} rules={[{ max: 300 }]}>
          <Input.TextArea rows={2} maxLength={300} />
        </Form.Item>
        {error && <Alert type="error" showIcon title={error} />}
      </Form>
    </Modal>
  );
}
