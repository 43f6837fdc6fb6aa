import { Card, Select, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { formatDate, formatNumber } from '../../lib/format';
import type { Township, Village } from './county-data';
import { coverage } from './coverage';

export function VillageTable(props: {
  villages: Village[];
  townships: Township[];
  loading: boolean;
  townshipId: string | undefined;
  onFilter: (townshipId: string | undefined) => void;
  rosterOf: (villageId: string) => number | undefined;
}) {
  const { t, i18n } = useTranslation();
  const shown = props.townshipId
    ? props.villages.filter((v) => v.townshipId === props.townshipId)
    : props.villages;
  return (
    <Card
      title={t('county.villageTable')}
      data-testid="village-card"
      extra={
        <Select
          aria-label={t('county.townships')}
          style={{ minWidth: 160 }}
          value={props.townshipId ?? ''}
          onChange={(value) => props.onFilter(value || undefined)}
          options={[
            { value: '', label: t('county.allTownships') },
            ...props.townships.map((tw) => ({ value: tw.id, label: tw.name })),
          ]}
        />
      }
    >
      <Table<Village>
        scroll={{ x: 'max-content' }}
        rowKey="id"
        size="middle"
        loading={props.loading}
        dataSource={shown}
        pagination={shown.length > 50 ? { pageSize: 50 } : false}
        locale={{ emptyText: t('county.noVillages') }}
        columns={[
          {
            title: t('county.villages'),
            dataIndex: 'name',
            render: (_, v) => <Link to={`/villages/${v.id}`}>{v.name}</Link>,
          },
          { title: t('county.townships'), dataIndex: 'townshipName' },
          {
            title: t('county.rosterHouseholds'),
            key: 'roster',
            align: 'right',
            render: (_, v) => formatNumber(props.rosterOf(v.id), i18n.language),
          },
          {
            title: t('county.declaredHouseholds'),
            dataIndex: 'householdCount',
            align: 'right',
            sorter: (a, b) => (a.householdCount ?? 0) - (b.householdCount ?? 0),
            render: (_, v) => formatNumber(v.householdCount, i18n.language),
          },
          {
            title: t('county.coverage'),
            key: 'coverage',
            align: 'right',
            render: (_, v) => coverage(props.rosterOf(v.id), v.householdCount),
          },
          {
            title: t('county.population'),
            dataIndex: 'population',
            align: 'right',
            sorter: (a, b) => (a.population ?? 0) - (b.population ?? 0),
            render: (_, v) => formatNumber(v.population, i18n.language),
          },
          {
            title: t('county.contact'),
            dataIndex: 'contactName',
            render: (_, v) => v.contactName ?? t('common.none'),
          },
          {
            title: t('county.joinedAt'),
            dataIndex: 'createdAt',
            render: (_, v) => formatDate(v.createdAt, i18n.language),
          },
        ]}
      />
    </Card>
  );
}
