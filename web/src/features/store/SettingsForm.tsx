import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Checkbox,
  DatePicker,
  Flex,
  Form,
  Input,
  InputNumber,
  Radio,
  Select,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useSubmit } from '../../lib/forms';
import type { Program } from '../rules/rules-api';
import { putSettings, type StoreSettings, type StoreSettingsPut } from './store-api';

type Values = {
  programId?: string;
  cancelWithinDays: number;
  restricted: boolean;
  weekdays: number[];
  monthDays: number[];
  periods: { range?: [Dayjs, Dayjs]; label?: string }[];
};

const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;
const MONTH_DAYS = Array.from({ length: 31 }, (_, i) => i + 1);

const valuesOf = (s: StoreSettings): Values => ({
  programId: s.programId,
  cancelWithinDays: s.cancelWithinDays,
  restricted: s.redemptionDays.restricted,
  weekdays: s.redemptionDays.weekdays,
  monthDays: s.redemptionDays.monthDays,
  periods: s.redemptionDays.periods.map((p) => ({ range: [dayjs(p.from), dayjs(p.to)], label: p.label })),
});

function bodyOf(v: Values): StoreSettingsPut {
  return {
    programId: v.programId ?? '',
    cancelWithinDays: v.cancelWithinDays,
    redemptionDays: {
      restricted: v.restricted,
      weekdays: v.restricted ? [...v.weekdays].sort() : [],
      monthDays: v.restricted ? [...v.monthDays].sort((a, b) => a - b) : [],
      periods: v.restricted
        ? v.periods.flatMap((p) =>
            p.range
              ? [
                  {
                    from: p.range[0].format('YYYY-MM-DD'),
                    to: p.range[1].format('YYYY-MM-DD'),
                    label: p.label?.trim() || undefined,
                  },
                ]
              : [],
          )
        : [],
    },
  };
}

/** Which program pays at the counter, how long a sale can be undone, and on which days the store redeems. */
export function SettingsForm(props: {
  villageId: string;
  settings: StoreSettings;
  programs: Program[];
  editable: boolean;
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const restricted = Form.useWatch('restricted', form);
  const { submit, submitting, error } = useSubmit(
    form,
    (body: StoreSettingsPut) => putSettings(props.villageId, body),
    {
      onSuccess: () => {
        void message.success(t('store.settings.saved'));
        props.onSaved();
      },
    },
  );

  const onFinish = (v: Values) => {
    const body = bodyOf(v);
    const days = body.redemptionDays;
    if (days.restricted && !days.weekdays.length && !days.monthDays.length && !days.periods.length) {
      form.setFields([{ name: 'restricted', errors: [t('store.settings.noDays')] }]);
      return;
    }
    void submit(body);
  };

  return (
    <Form
      form={form}
      layout="vertical"
      disabled={!props.editable}
      initialValues={valuesOf(props.settings)}
      onFinish={onFinish}
    >
      <Form.Item
        name="programId"
        label={t('store.settings.program')}
        rules={[{ required: true, message: t('common.required') }]}
      >
        <Select
          aria-label={t('store.settings.program')}
          style={{ maxWidth: 320 }}
          options={props.programs.map((p) => ({ value: p.id, label: p.name }))}
        />
      </Form.Item>
      <Form.Item
        name="cancelWithinDays"
        label={t('store.settings.cancelWithinDays')}
        extra={t('store.settings.cancelHint')}
        rules={[{ required: true, message: t('common.required') }]}
      >
        <InputNumber<number> min={0} max={90} precision={0} style={{ width: 160 }} />
      </Form.Item>
      <Form.Item name="restricted" label={t('store.settings.days')}>
        <Radio.Group
          options={[
            { value: false, label: t('store.settings.anyDay') },
            { value: true, label: t('store.settings.restricted') },
          ]}
        />
      </Form.Item>
      {restricted && (
        <>
          <Form.Item name="weekdays" label={t('store.settings.weekdays')}>
            <Checkbox.Group
              options={WEEKDAYS.map((d) => ({ value: d, label: t(`store.settings.weekday.d${d}`) }))}
            />
          </Form.Item>
          <Form.Item name="monthDays" label={t('store.settings.monthDays')}>
            <Select
              mode="multiple"
              allowClear
              style={{ maxWidth: 420 }}
              placeholder={t('store.settings.monthDaysPlaceholder')}
              options={MONTH_DAYS.map((d) => ({ value: d, label: String(d) }))}
            />
          </Form.Item>
          <Form.Item label={t('store.settings.periods')}>
            <Form.List name="periods">
              {(fields, { add, remove }) => (
                <Flex vertical gap={8}>
                  {fields.map((field) => (
                    <Flex key={field.key} gap={8} wrap align="start">
                      <Form.Item
                        name={[field.name, 'range']}
                        noStyle
                        rules={[{ required: true, message: t('common.required') }]}
                      >
                        <DatePicker.RangePicker format={t('rules.dateFormat')} />
                      </Form.Item>
                      <Form.Item name={[field.name, 'label']} noStyle>
                        <Input
                          maxLength={20}
                          style={{ width: 200 }}
                          aria-label={t('store.settings.periodLabel')}
                          placeholder={t('store.settings.periodLabelPlaceholder')}
                        />
                      </Form.Item>
                      <Button
                        icon={<DeleteOutlined />}
                        aria-label={t('store.settings.removePeriod')}
                        onClick={() => remove(field.name)}
                      />
                    </Flex>
                  ))}
                  <Button icon={<PlusOutlined />} style={{ alignSelf: 'start' }} onClick={() => add({})}>
                    {t('store.settings.addPeriod')}
                  </Button>
                </Flex>
              )}
            </Form.List>
          </Form.Item>
        </>
      )}
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      {props.editable && (
        <Button type="primary" htmlType="submit" loading={submitting}>
          {t('common.save')}
        </Button>
      )}
    </Form>
  );
}
