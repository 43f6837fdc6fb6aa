import { Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { coverage } from '../county/coverage';
import type { VillageFigures } from './dashboard-api';
import { formatPoints, formatRate, oneDecimal } from './numbers';

/**
 * The columns of the comparison, shared by the table and the Excel export. `declared` is each
 * village's declared household count (from the county's village list), shown beside the roster.
 */
export function comparisonColumns(
  t: (key: string) => string,
  lng: string,
  declared: (villageId: string) => number | null | undefined = () => undefined,
) {
  const sortBy = (pick: (v: VillageFigures) => number | null) => (a: VillageFigures, b: VillageFigures) =>
    (pick(a) ?? -1) - (pick(b) ?? -1);
  const columns: (ColumnsType<VillageFigures>[number] & {
    cell: (v: VillageFigures) => string | number | null;
  })[] = [
    {
      key: 'rank',
      title: t('dashboard.table.rank'),
      dataIndex: 'rankInCounty',
      width: 72,
      // Villages that have not started (未开展) are unranked and sort after every ranked one.
      sorter: sortBy((v) => v.rankInCounty ?? Number.MAX_SAFE_INTEGER),
      render: (rank: number | null) =>
        rank ?? <Tag data-testid="not-started">{t('dashboard.rank.notStarted')}</Tag>,
      cell: (v) => v.rankInCounty ?? t('dashboard.rank.notStarted'),
    },
    {
      key: 'township',
      title: t('dashboard.table.township'),
      dataIndex: 'townshipName',
      cell: (v) => v.townshipName,
    },
    {
      key: 'village',
      title: t('dashboard.table.village'),
      dataIndex: 'villageName',
      render: (name: string, v) => <Link to={`/villages/${v.villageId}/summary`}>{name}</Link>,
      cell: (v) => v.villageName,
    },
    {
      key: 'households',
      title: t('dashboard.table.households'),
      dataIndex: 'households',
      align: 'right',
      sorter: sortBy((v) => v.households),
      cell: (v) => v.households,
    },
    {
      key: 'declared',
      title: t('county.declaredHouseholds'),
      align: 'right',
      sorter: sortBy((v) => declared(v.villageId) ?? null),
      render: (_: unknown, v) => declared(v.villageId) ?? '—',
      cell: (v) => declared(v.villageId) ?? null,
    },
    {
      key: 'coverage',
      title: t('county.coverage'),
      align: 'right',
      render: (_: unknown, v) => coverage(v.households, declared(v.villageId)),
      cell: (v) => coverage(v.households, declared(v.villageId)),
    },
    {
      key: 'participation',
      title: t('dashboard.table.participation'),
      dataIndex: 'participationRate',
      align: 'right',
      sorter: sortBy((v) => v.participationRate),
      render: (r: number | null) => formatRate(r),
      cell: (v) => formatRate(v.participationRate),
    },
    {
      key: 'earned',
      title: t('dashboard.table.earned'),
      dataIndex: 'earned',
      align: 'right',
      sorter: sortBy((v) => v.earned),
      render: (n: number) => formatPoints(n, lng),
      cell: (v) => v.earned,
    },
    {
      key: 'deducted',
      title: t('dashboard.table.deducted'),
      dataIndex: 'deducted',
      align: 'right',
      sorter: sortBy((v) => v.deducted),
      cell: (v) => v.deducted,
    },
    {
      key: 'redeemed',
      title: t('dashboard.table.redeemed'),
      dataIndex: 'redeemed',
      align: 'right',
      sorter: sortBy((v) => v.redeemed),
      cell: (v) => v.redeemed,
    },
    {
      key: 'perHousehold',
      title: t('dashboard.table.perHousehold'),
      dataIndex: 'pointsPerHousehold',
      align: 'right',
      sorter: sortBy((v) => v.pointsPerHousehold),
      render: (n: number | null) => oneDecimal(n),
      cell: (v) => (v.pointsPerHousehold === null ? null : Math.round(v.pointsPerHousehold * 10) / 10),
    },
    {
      key: 'redemptionRate',
      title: t('dashboard.table.redemptionRate'),
      dataIndex: 'redemptionRate',
      align: 'right',
      sorter: sortBy((v) => v.redemptionRate),
      render: (r: number | null) => formatRate(r),
      cell: (v) => formatRate(v.redemptionRate),
    },
    {
      key: 'records',
      title: t('dashboard.table.records'),
      dataIndex: 'records',
      align: 'right',
      sorter: sortBy((v) => v.records),
      cell: (v) => v.records,
    },
  ];
  return columns;
}

/** Every village side by side, sortable by any figure; a village's name opens its summary. */
export function VillageComparison({
  villages,
  loading,
  declared,
}: {
  villages: VillageFigures[];
  loading: boolean;
  declared?: (villageId: string) => number | null | undefined;
}) {
  const { t, i18n } = useTranslation();
  return (
    <Table
      data-testid="village-comparison"
      rowKey="villageId"
      size="small"
      loading={loading}
      columns={comparisonColumns(t as (key: string) => string, i18n.language, declared)}
      dataSource={villages}
      pagination={villages.length > 20 ? { pageSize: 20 } : false}
      scroll={{ x: 'max-content' }}
    />
  );
}
