import { Select, Spin } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Household, listHouseholds } from '../households/households-api';

const label = (h: Household) => `${h.number} ${h.headName}（${h.group}）`;

/** 第三组, 3组: a village group rather than a name or a number. */
const GROUP = /组$/;

/**
 * The counter's household finder: focused on arrival, searches a member's name, the household
 * number or a village group as the clerk types; arrows and Enter pick.
 */
export function CounterHousehold(props: {
  villageId: string;
  value?: Household;
  onChange: (household: Household | undefined) => void;
}) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const [options, setOptions] = useState<Household[]>([]);
  const [loading, setLoading] = useState(false);

  useEffect(() => {
    let current = true;
    setLoading(true);
    const text = q.trim();
    const query = GROUP.test(text) ? { group: text } : { q: text || undefined };
    const timer = setTimeout(() => {
      listHouseholds(props.villageId, { ...query, limit: 20 }).then(
        (page) => {
          if (!current) return;
          setOptions(page.items.sort((a, b) => a.number.localeCompare(b.number)));
          setLoading(false);
        },
        () => current && setLoading(false),
      );
    }, 200);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [props.villageId, q]);

  const chosen = props.value;
  const all = chosen && !options.some((h) => h.id === chosen.id) ? [chosen, ...options] : options;
  return (
    <Select
      autoFocus
      size="large"
      showSearch={{ filterOption: false, onSearch: setQ }}
      allowClear
      style={{ width: '100%' }}
      placeholder={t('store.counter.householdPlaceholder')}
      aria-label={t('store.counter.household')}
      value={chosen?.id}
      notFoundContent={loading ? <Spin size="small" /> : t('households.empty')}
      options={all.map((h) => ({ value: h.id, label: label(h) }))}
      onChange={(id?: string) => {
        props.onChange(all.find((h) => h.id === id));
        if (!id) setQ('');
      }}
    />
  );
}
