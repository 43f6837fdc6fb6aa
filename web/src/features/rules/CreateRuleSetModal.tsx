import { Alert, Form, Input, Modal } from 'antd';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadError } from '../../components/LoadError';
import { useSubmit } from '../../lib/forms';
import { useLoad } from '../../lib/use-load';
import { createRuleSet, listTemplates, type Program, type RuleSet, type RulesOwner } from './rules-api';
import { TemplatePicker } from './TemplatePicker';

type Values = { name: string; templateId: string };

/** A program's rule set, started from a template (built-in or the county's) or empty. */
export function CreateRuleSetModal(props: {
  owner: RulesOwner;
  /** The village's or county's name, the default rule set name's start. */
  ownerName: string;
  program: Program;
  onCreated: (ruleSet: RuleSet) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const templates = useLoad(useCallback(listTemplates, []));
  const { submit, submitting, error } = useSubmit(
    form,
    (v: Values, key) =>
      createRuleSet(
        props.owner,
        { programId: props.program.id, name: v.name.trim(), templateId: v.templateId || undefined },
        key,
      ),
    { onSuccess: props.onCreated },
  );

  return (
    <Modal
      open
      width={760}
      title={t('rules.createRuleSetFor', { program: props.program.name })}
      okText={t('rules.createRuleSet')}
      cancelText={t('common.cancel')}
      confirmLoading={submitting}
      onOk={() => form.submit()}
      onCancel={props.onClose}
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{
          name: t('rules.ruleSetNameDefault', { village: props.ownerName, program: props.program.name }),
          templateId: '',
        }}
        onFinish={(v) => void submit(v)}
        requiredMark="optional"
      >
        <Form.Item
          name="name"
          label={t('rules.ruleSetName')}
          rules={[{ required: true, whitespace: true, max: 40 }]}
        >
          <Input maxLength={40} />
        </Form.Item>
        <Form.Item name="templateId" label={t('rules.chooseTemplate')}>
          <TemplatePicker templates={templates.data ?? []} loading={templates.loading && !templates.data} />
        </Form.Item>
        {templates.error ? <LoadError error={templates.error} onRetry={templates.reload} /> : null}
        {error && <Alert type="error" showIcon title={error} />}
      </Form>
    </Modal>
  );
}
