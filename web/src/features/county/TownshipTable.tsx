import { Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../lib/format';
import type { TownshipSummary } from './county-data';
import { coverage } from './coverage';

/** One row per township with its villages; clicking a row filters the village table below. */
export function TownshipTable(props: {
  townships: TownshipSummary[];
  loading: boolean;
  selected: string | undefined;
  onSelect: (townshipId: string) => void;
  rosterOf: (villageId: string) => number | undefined;
}) {
  const { t, i18n } = useTranslation();
  const n = (value: number) => formatNumber(value, i18n.language);
  const rosterSum = (r: TownshipSummary) =>
    r.villages.reduce((sum, v) => sum + (props.rosterOf(v.id) ?? 0), 0);
  return (
    <Table<TownshipSummary>
      scroll={{ x: 'max-content' }}
      rowKey="id"
      size="middle"
      loading={props.loading}
      dataSource={props.townships}
      pagination={false}
      locale={{ emptyText: t('county.noTownships') }}
      rowClassName={(row) => (row.id === props.selected ? 'ant-table-row-selected' : '')}
      onRow={(row) => ({ onClick: () => props.onSelect(row.id), style: { cursor: 'pointer' } })}
      columns={[
        { title: t('county.townships'), dataIndex: 'name', render: (_, r) => <strong>{r.name}</strong> },
        {
          title: t('county.villageCount'),
          key: 'count',
          align: 'right',
          render: (_, r) => r.villages.length,
        },
        {
          title: t('county.rosterHouseholds'),
          key: 'roster',
          align: 'right',
          render: (_, r) => n(rosterSum(r)),
        },
        {
          title: t('county.declaredHouseholds'),
          dataIndex: 'households',
          align: 'right',
          render: (_, r) => n(r.households),
        },
        {
          title: t('county.coverage'),
          key: 'coverage',
          align: 'right',
          render: (_, r) => coverage(rosterSum(r), r.households),
        },
        {
          title: t('county.population'),
          dataIndex: 'population',
          align: 'right',
          render: (_, r) => n(r.population),
        },
        {
          title: t('county.villages'),
          key: 'villages',
          render: (_, r) => r.villages.map((v) => <Tag key={v.id}>{v.name}</Tag>),
        },
      ]}
    />
  );
}
