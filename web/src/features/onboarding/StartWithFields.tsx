import { Form, Input, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Schemas } from '../../lib/api';

type Template = Schemas['InvitePreview']['templates'][number];

/** Optional: start the first points program from a template (county templates first, then built-in). */
export function StartWithFields({ templates }: { templates: Template[] }) {
  const { t } = useTranslation();
  const form = Form.useFormInstance();
  const chosen = Form.useWatch(['startWith', 'templateId']);
  return (
    <>
      <Typography.Title level={5}>{t('onboarding.startWith')}</Typography.Title>
      <Form.Item
        name={['startWith', 'templateId']}
        label={t('onboarding.template')}
        extra={t('onboarding.templateHelp')}
      >
        <Select
          allowClear
          // The program takes the chosen template's name (村务参与积分), which the village may still change.
          onChange={(id?: string) =>
            form.setFieldValue(
              ['startWith', 'programName'],
              templates.find((tpl) => tpl.id === id)?.programName,
            )
          }
          placeholder={t('onboarding.noTemplate')}
          options={templates.map((tpl) => ({
            value: tpl.id,
            label: `${tpl.name}（${t('onboarding.ruleCount', { count: tpl.ruleCount })}）`,
            title: tpl.description,
          }))}
        />
      </Form.Item>
      {chosen && (
        <Form.Item
          name={['startWith', 'programName']}
          label={t('onboarding.programName')}
          rules={[{ required: true, whitespace: true, max: 30 }]}
        >
          <Input maxLength={30} />
        </Form.Item>
      )}
    </>
  );
}
