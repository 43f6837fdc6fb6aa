import { Select, Spin } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Household, listHouseholds } from '../households/households-api';

const label = (h: Household) => `${h.number} ${h.headName}（${h.group}）`;

/** Picks a household by a member's name or its number, searching the API as the user types. */
export function HouseholdSelect(props: {
  villageId: string;
  value?: string;
  onChange?: (householdId: string | undefined, household?: Household) => void;
  id?: string;
}) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const [options, setOptions] = useState<Household[]>([]);
  const [loading, setLoading] = useState(false);
  // The chosen household stays labelled when a later search no longer lists it.
  const [chosen, setChosen] = useState<Household>();

  useEffect(() => {
    let current = true;
    setLoading(true);
    const timer = setTimeout(() => {
      listHouseholds(props.villageId, { q: q.trim() || undefined, limit: 20 }).then(
        (page) => {
          if (!current) return;
          setOptions(page.items);
          setLoading(false);
        },
        () => current && setLoading(false),
      );
    }, 250);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [props.villageId, q]);

  const all = chosen && !options.some((h) => h.id === chosen.id) ? [chosen, ...options] : options;
  return (
    <Select
      id={props.id}
      showSearch={{ filterOption: false, onSearch: setQ }}
      allowClear
      style={{ width: '100%', maxWidth: 360 }}
      placeholder={t('points.householdPlaceholder')}
      aria-label={t('points.household')}
      value={props.value}
      notFoundContent={loading ? <Spin size="small" /> : t('households.empty')}
      options={all.map((h) => ({ value: h.id, label: label(h) }))}
      onChange={(id?: string) => {
        const household = all.find((h) => h.id === id);
        setChosen(household);
        props.onChange?.(id, household);
        if (!id) setQ('');
      }}
    />
  );
}
