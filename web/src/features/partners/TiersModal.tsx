import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, Form, Input, InputNumber, Modal, Segmented, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSubmit } from '../../lib/forms';
import type { Program, Tiers } from './partners-api';

const windows = ['rolling12', 'calendarYear', 'ever'] as const;
const MAX_LEVELS = 10;

/**
 * Edits a program's tiers (window and levels, thresholds ascending). `save(null)` removes them.
 * Works for a village's program and a county-wide one alike: the caller sends the PATCH.
 */
export function TiersModal(props: {
  program: Program;
  save: (tiers: Tiers | null) => Promise<Program>;
  onSaved: (program: Program) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Tiers>();
  const [clearing, setClearing] = useState(false);
  const { submit, submitting, error } = useSubmit(form, (v: Tiers | null) => props.save(v), {
    onSuccess: props.onSaved,
  });
  const initial: Tiers = props.program.tiers ?? {
    window: 'rolling12',
    levels: [{ threshold: 100, label: '', benefit: '' }],
  };
  return (
    <Modal
      open
      width={720}
      title={t('tiers.title', { name: props.program.name })}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={submitting && !clearing}
      onOk={() => {
        setClearing(false);
        form.submit();
      }}
      onCancel={props.onClose}
      footer={(original) => (
        <Flex justify="space-between">
          {props.program.tiers ? (
            <Button
              danger
              loading={submitting && clearing}
              onClick={() => {
                setClearing(true);
                void submit(null);
              }}
            >
              {t('tiers.clear')}
            </Button>
          ) : (
            <span />
          )}
          <Flex gap={8}>{original}</Flex>
        </Flex>
      )}
    >
      <Typography.Paragraph type="secondary">{t('tiers.intro')}</Typography.Paragraph>
      <Form form={form} layout="vertical" initialValues={initial} onFinish={(v) => void submit(v)}>
        <Form.Item name="window" label={t('tiers.window')}>
          <Segmented options={windows.map((w) => ({ value: w, label: t(`tiers.windows.${w}`) }))} />
        </Form.Item>
        <Form.List name="levels">
          {(fields, { add, remove }) => (
            <>
              {fields.map((field) => (
                <Flex key={field.key} gap={8} align="start">
                  <Form.Item
                    name={[field.name, 'threshold']}
                    label={t('tiers.threshold')}
                    rules={[{ required: true }]}
                  >
                    <InputNumber min={1} max={1_000_000} precision={0} style={{ width: 120 }} />
                  </Form.Item>
                  <Form.Item
                    name={[field.name, 'label']}
                    label={t('tiers.label')}
                    rules={[{ required: true, whitespace: true, max: 20 }]}
                  >
                    <Input maxLength={20} style={{ width: 120 }} />
                  </Form.Item>
                  <Form.Item
                    name={[field.name, 'benefit']}
                    label={t('tiers.benefit')}
                    rules={[{ required: true, whitespace: true, max: 100 }]}
                    style={{ flex: 1 }}
                  >
                    <Input maxLength={100} placeholder="贷款月利率 4.5‰" />
                  </Form.Item>
                  <Button
                    aria-label={t('tiers.remove')}
                    icon={<DeleteOutlined />}
                    style={{ marginTop: 30 }}
                    disabled={fields.length === 1}
                    onClick={() => remove(field.name)}
                  />
                </Flex>
              ))}
              <Button
                icon={<PlusOutlined />}
                disabled={fields.length >= MAX_LEVELS}
                onClick={() => add({ threshold: undefined, label: '', benefit: '' })}
              >
                {t('tiers.addLevel')}
              </Button>
            </>
          )}
        </Form.List>
        {error && <Alert style={{ marginTop: 16 }} type="error" showIcon title={error} />}
      </Form>
    </Modal>
  );
}
