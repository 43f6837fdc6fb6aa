import { Alert, Form, Input, Modal, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSubmit } from '../../lib/forms';
import { createCountyTemplate, type RuleTemplate } from '../rules/rules-api';

type Values = { from: string; name: string; description?: string };

/** A county template copied from an existing one (built-in or the county's), under its own name. */
export function CreateTemplateModal(props: {
  countyId: string;
  templates: RuleTemplate[];
  from?: RuleTemplate;
  onCreated: (template: RuleTemplate) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const { submit, submitting, error } = useSubmit(
    form,
    (v: Values, key) => {
      const source = props.templates.find((tpl) => tpl.id === v.from);
      return createCountyTemplate(
        props.countyId,
        {
          name: v.name.trim(),
          description: v.description?.trim() || undefined,
          content: source?.content ?? { categories: [], rules: [] },
        },
        key,
      );
    },
    { onSuccess: props.onCreated },
  );

  return (
    <Modal
      open
      title={t('templates.create')}
      okText={t('templates.create')}
      cancelText={t('common.cancel')}
      confirmLoading={submitting}
      onOk={() => form.submit()}
      onCancel={props.onClose}
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{
          from: props.from?.id,
          name: props.from?.name,
          description: props.from?.description,
        }}
        onValuesChange={(changed: Partial<Values>) => {
          const source = props.templates.find((tpl) => tpl.id === changed.from);
          if (source) form.setFieldsValue({ name: source.name, description: source.description });
        }}
        onFinish={(v) => void submit(v)}
        requiredMark="optional"
      >
        <Form.Item name="from" label={t('templates.basedOn')} rules={[{ required: true }]}>
          <Select
            options={props.templates.map((tpl) => ({
              value: tpl.id,
              label: `${tpl.name}（${t(`rules.source.${tpl.source}`)}）`,
            }))}
          />
        </Form.Item>
        <Form.Item
          name="name"
          label={t('templates.name')}
          rules={[{ required: true, whitespace: true, max: 40 }]}
        >
          <Input maxLength={40} />
        </Form.Item>
        <Form.Item name="description" label={t('templates.description')} rules={[{ max: 300 }]}>
          <Input.TextArea rows={2} maxLength={300} />
        </Form.Item>
        {error && <Alert type="error" showIcon title={error} />}
      </Form>
    </Modal>
  );
}
