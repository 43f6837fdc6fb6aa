import { DEFAULT_POSTING_DAYS } from '@xjf/domain/defaults';
import { Form, Input, InputNumber } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Schemas } from '../../lib/api';
import { PHONE } from '../../lib/forms';

/** What the village form holds; InputNumber clears to null. */
export type VillageValues = {
  name: string;
  householdCount?: number | null;
  population?: number | null;
  contactName?: string;
  contactPhone?: string;
  description?: string;
  postingDays?: number | null;
};

/** Form values → the API's VillageDetails: trimmed, empty fields left out. */
export function villageDetails(v: VillageValues): Schemas['VillageDetails'] {
  const text = (s: string | undefined) => s?.trim() || undefined;
  return {
    name: v.name.trim(),
    householdCount: v.householdCount ?? undefined,
    population: v.population ?? undefined,
    contactName: text(v.contactName),
    contactPhone: text(v.contactPhone),
    description: text(v.description),
    postingDays: v.postingDays ?? undefined,
  };
}

/** The village's details as form items, under `prefix` when they sit inside a larger form. */
export function VillageFields({ prefix = [] }: { prefix?: string[] }) {
  const { t } = useTranslation();
  const name = (field: string) => [...prefix, field];
  return (
    <>
      <Form.Item
        name={name('name')}
        label={t('onboarding.villageName')}
        rules={[{ required: true, whitespace: true, max: 30 }]}
      >
        <Input maxLength={30} placeholder="银川村" />
      </Form.Item>
      <div style={{ display: 'flex', gap: 16, flexWrap: 'wrap' }}>
        <Form.Item name={name('householdCount')} label={t('onboarding.householdCount')}>
          <InputNumber min={0} max={100_000} precision={0} style={{ width: 160 }} />
        </Form.Item>
        <Form.Item name={name('population')} label={t('onboarding.population')}>
          <InputNumber min={0} max={500_000} precision={0} style={{ width: 160 }} />
        </Form.Item>
      </div>
      <div style={{ display: 'flex', gap: 16, flexWrap: 'wrap' }}>
        <Form.Item name={name('contactName')} label={t('onboarding.contactName')} rules={[{ max: 20 }]}>
          <Input maxLength={20} style={{ width: 200 }} />
        </Form.Item>
        <Form.Item
          name={name('contactPhone')}
          label={t('onboarding.contactPhone')}
          rules={[{ pattern: PHONE, message: t('errors.phone') }]}
        >
          <Input inputMode="tel" maxLength={11} style={{ width: 200 }} />
        </Form.Item>
      </div>
      <Form.Item
        name={name('postingDays')}
        label={t('village.postingDays')}
        extra={t('village.postingDaysHelp')}
      >
        <InputNumber
          min={0}
          max={30}
          precision={0}
          style={{ width: 160 }}
          suffix={t('village.days')}
          placeholder={t('village.postingDaysDefault', { count: DEFAULT_POSTING_DAYS })}
        />
      </Form.Item>
      <Form.Item name={name('description')} label={t('onboarding.description')} rules={[{ max: 500 }]}>
        <Input.TextArea rows={3} maxLength={500} showCount />
      </Form.Item>
    </>
  );
}
