import { SendOutlined } from '@ant-design/icons';
import { Alert, App, Button, DatePicker, Flex, Form, Input, InputNumber, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { todayInChina } from '../../lib/format';
import { useSubmit } from '../../lib/forms';
import { PhotoUpload } from '../photos/PhotoUpload';
import { EstimateCard } from '../points/EstimateCard';
import { createRecord, type PointRecord, type RecordCreate } from '../points/points-api';
import { type Evaluation, preview } from '../rules/rules-api';
import { ruleSummary } from '../rules/summary';
import type { DeclarableProgram } from './villager-api';

type Values = {
  rule?: string;
  memberId?: string;
  quantity?: number | null;
  occurredOn: Dayjs;
  note?: string;
  evidence?: string[];
};

/** `<programId>:<ruleCode>`: one select lists every declarable rule, grouped by program. */
const ruleKey = (programId: string, code: string) => `${programId}:${code}`;

/** 申报积分: a villager declares points for their own household under a declarable rule. */
export function DeclareForm(props: {
  villageId: string;
  householdId: string;
  programs: DeclarableProgram[];
  /** For a program that keeps accounts per person: whose points these are. */
  members: { id: string; name: string }[];
  onDeclared: (record: PointRecord) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [estimate, setEstimate] = useState<Evaluation>();
  // A new upload field after each declaration: the photos belong to the one just sent.
  const [entry, setEntry] = useState(0);
  // A photo still uploading would be left out of the declaration: the form waits for it.
  const [photosUploading, setPhotosUploading] = useState(false);
  const chosen = Form.useWatch('rule', form);
  const quantity = Form.useWatch('quantity', form);
  const program = props.programs.find((p) => chosen?.startsWith(`${p.programId}:`));
  const rule = program?.rules.find((r) => ruleKey(program.programId, r.code) === chosen);
  const needsQuantity = rule?.shape.kind === 'perUnit';

  // The points this declaration would get on the version in effect, as the rule and quantity change.
  useEffect(() => {
    setEstimate(undefined);
    if (!program || !rule || (needsQuantity && !(typeof quantity === 'number' && quantity > 0))) return;
    let current = true;
    const timer = setTimeout(() => {
      preview({ villageId: props.villageId }, program.ruleSetId, {
        ruleCode: rule.code,
        quantity: needsQuantity ? (quantity ?? undefined) : undefined,
        usage: { points: 0, occurrences: 0 },
        version: program.version,
      }).then(
        (result) => current && setEstimate(result),
        () => current && setEstimate(undefined),
      );
    }, 250);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [props.villageId, program, rule, needsQuantity, quantity]);

  const { submit, submitting, error, clearError } = useSubmit(
    form,
    (body: RecordCreate, key) => createRecord(props.villageId, body, key),
    {
      onSuccess: (record) => {
        void message.success(t('villager.declared', { rule: record.rule.name, points: record.estimate }));
        form.resetFields(['rule', 'memberId', 'quantity', 'note', 'evidence']);
        setEntry((n) => n + 1);
        props.onDeclared(record);
      },
    },
  );

  const onFinish = (v: Values) => {
    if (!program || !rule) return;
    void submit({
      programId: program.programId,
      householdId: props.householdId,
      memberId: program.accountHolder === 'member' ? v.memberId : undefined,
      ruleCode: rule.code,
      quantity: needsQuantity ? (v.quantity ?? undefined) : undefined,
      occurredOn: v.occurredOn.format('YYYY-MM-DD'),
      note: v.note?.trim() || undefined,
      evidence: v.evidence?.length ? v.evidence : undefined,
    });
  };

  if (props.programs.length === 0) return <Alert type="info" showIcon title={t('villager.noRules')} />;
  const today = todayInChina();
  return (
    <Form
      form={form}
      layout="vertical"
      initialValues={{ occurredOn: dayjs(today) }}
      onFinish={onFinish}
      onValuesChange={() => clearError()}
    >
      <Form.Item
        name="rule"
        label={t('points.rule')}
        rules={[{ required: true, message: t('common.required') }]}
        extra={rule && ruleSummary(rule, t)}
      >
        <Select
          aria-label={t('points.rule')}
          placeholder={t('points.rulePlaceholder')}
          options={props.programs.map((p) => ({
            label: p.programName,
            title: p.programName,
            options: p.rules.map((r) => ({ value: ruleKey(p.programId, r.code), label: r.name })),
          }))}
        />
      </Form.Item>
      {program?.accountHolder === 'member' && (
        <Form.Item
          name="memberId"
          label={t('households.memberName')}
          rules={[{ required: true, message: t('common.required') }]}
        >
          <Select
            aria-label={t('households.memberName')}
            options={props.members.map((m) => ({ value: m.id, label: m.name }))}
          />
        </Form.Item>
      )}
      <Flex gap={16} wrap>
        {rule?.shape.kind === 'perUnit' && (
          <Form.Item
            name="quantity"
            label={t('points.quantity')}
            rules={[{ required: true, message: t('common.required') }]}
          >
            <InputNumber<number>
              min={0.01}
              max={1_000_000}
              precision={2}
              inputMode="decimal"
              style={{ width: 160 }}
              suffix={rule.shape.unit}
              aria-label={t('points.quantity')}
            />
          </Form.Item>
        )}
        <Form.Item name="occurredOn" label={t('points.occurredOn')} rules={[{ required: true }]}>
          <DatePicker
            allowClear={false}
            inputReadOnly
            format={t('rules.dateFormat')}
            aria-label={t('points.occurredOn')}
            disabledDate={(d: Dayjs) => d.format('YYYY-MM-DD') > today}
          />
        </Form.Item>
      </Flex>
      <Form.Item name="note" label={t('points.note')} rules={[{ max: 200 }]}>
        <Input.TextArea maxLength={200} autoSize={{ minRows: 2, maxRows: 4 }} />
      </Form.Item>
      <Form.Item name="evidence" label={t('photos.evidence')} extra={t('photos.evidenceHint')}>
        <PhotoUpload
          key={entry}
          villageId={props.villageId}
          purpose="evidence"
          max={3}
          onUploadingChange={setPhotosUploading}
        />
      </Form.Item>
      <EstimateCard estimate={estimate} testId="declare-preview" />
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <Button
        type="primary"
        htmlType="submit"
        icon={<SendOutlined />}
        loading={submitting}
        disabled={photosUploading}
        block
      >
        {photosUploading ? t('photos.uploading') : t('villager.submit')}
      </Button>
    </Form>
  );
}
