import {
  App,
  Button,
  Card,
  Col,
  DatePicker,
  Flex,
  Row,
  Space,
  Statistic,
  Table,
  Tag,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { LoadError } from '../../components/LoadError';
import { formatDateTime, formatNumber, todayInChina } from '../../lib/format';
import { useLoad } from '../../lib/use-load';
import { useMe } from '../auth/session';
import { VillageCrumbs } from '../households/VillageCrumbs';
import { CancelModal, ReceiptModal } from './RedemptionModals';
import { getReport, latestRedemptionDay, listRedemptions, type Redemption } from './store-api';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** 兑换记录: one day at the counter, its totals, each receipt, and the admin's cancellations. */
export function RedemptionsPage() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const me = useMe();
  const villageId = useParams().villageId ?? '';
  const [search, setSearch] = useSearchParams();
  const asked = search.get('date') ?? '';
  // Opened without a day, the page shows the latest day with redemptions (within 30 days)
  // rather than an empty today: the store opens on market days, not every day.
  const latest = useLoad(
    useCallback(
      async () =>
        DATE.test(asked) ? asked : ((await latestRedemptionDay(villageId, todayInChina())) ?? todayInChina()),
      [villageId, asked],
    ),
  );
  const date = DATE.test(asked) ? asked : (latest.data ?? '');
  const [viewing, setViewing] = useState<Redemption>();
  const [cancelling, setCancelling] = useState<Redemption>();
  const cancels = me.role === 'village_admin';
  const n = (value: number) => formatNumber(value, i18n.language);

  const day = useLoad(
    useCallback(async () => {
      if (!date) return undefined;
      const [list, report] = await Promise.all([
        listRedemptions(villageId, date),
        getReport(villageId, date),
      ]);
      return { list, totals: report.day };
    }, [villageId, date]),
  );
  const totals = day.data?.totals;

  if (latest.error) return <LoadError error={latest.error} onRetry={latest.reload} />;
  if (day.error) return <LoadError error={day.error} onRetry={day.reload} />;

  return (
    <>
      <VillageCrumbs
        villageId={villageId}
        villageName={me.villageName}
        trail={[t('store.redemptions.title')]}
      />
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={3}>{t('store.redemptions.title')}</Typography.Title>
        <DatePicker
          allowClear={false}
          aria-label={t('store.redemptions.date')}
          format={t('rules.dateFormat')}
          value={date ? dayjs(date) : null}
          disabledDate={(d: Dayjs) => d.format('YYYY-MM-DD') > todayInChina()}
          onChange={(d: Dayjs | null) => d && setSearch({ date: d.format('YYYY-MM-DD') }, { replace: true })}
        />
      </Flex>
      <Typography.Paragraph type="secondary">{t('store.redemptions.intro')}</Typography.Paragraph>
      <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
        <Col xs={24} lg={10}>
          <Card loading={!totals} style={{ height: '100%' }} data-testid="day-totals">
            <Flex gap={24} wrap>
              <Statistic title={t('store.redemptions.count')} value={totals?.redemptions} />
              <Statistic title={t('store.redemptions.households')} value={totals?.households} />
              <Statistic title={t('store.redemptions.points')} value={n(totals?.points ?? 0)} />
              <Statistic title={t('store.redemptions.cancelledCount')} value={totals?.cancelled} />
            </Flex>
          </Card>
        </Col>
        <Col xs={24} lg={14}>
          <Card size="small" title={t('store.redemptions.byItem')} style={{ height: '100%' }}>
            <Table
              rowKey="itemId"
              size="small"
              pagination={false}
              dataSource={totals?.items ?? []}
              locale={{ emptyText: t('store.redemptions.empty') }}
              columns={[
                { title: t('store.report.item'), dataIndex: 'name' },
                {
                  title: t('store.receipt.quantity'),
                  key: 'quantity',
                  align: 'right',
                  render: (_, i) => `${i.quantity}${i.unit}`,
                },
                { title: t('store.receipt.points'), dataIndex: 'points', align: 'right', render: n },
              ]}
            />
          </Card>
        </Col>
      </Row>
      <Card>
        <Table<Redemption>
          rowKey="id"
          scroll={{ x: 'max-content' }}
          loading={day.loading || latest.loading}
          dataSource={day.data?.list ?? []}
          pagination={false}
          locale={{ emptyText: t('store.redemptions.empty') }}
          columns={[
            { title: t('store.redemptions.at'), dataIndex: 'at', render: (at: string) => formatDateTime(at) },
            {
              title: t('store.redemptions.code'),
              dataIndex: 'code',
              render: (code: string) => <span className="xjf-code">{code}</span>,
            },
            {
              title: t('store.redemptions.household'),
              key: 'household',
              render: (_, r) => (
                <Link to={`/villages/${villageId}/households/${r.householdId}`}>
                  {r.householdNumber} {r.headName}
                </Link>
              ),
            },
            {
              title: t('store.redemptions.items'),
              key: 'items',
              render: (_, r) => r.lines.map((l) => `${l.name} ×${l.quantity}`).join('、'),
            },
            { title: t('store.redemptions.total'), dataIndex: 'total', align: 'right', render: n },
            {
              title: t('store.redemptions.status'),
              dataIndex: 'status',
              render: (s: Redemption['status']) => (
                <Tag color={s === 'completed' ? 'green' : 'default'}>
                  {t(`store.redemptions.statuses.${s}`)}
                </Tag>
              ),
            },
            { title: t('store.redemptions.clerk'), dataIndex: 'byName' },
            {
              title: t('common.actions'),
              key: 'actions',
              fixed: 'right',
              render: (_, r) => (
                <Space size={4}>
                  <Button size="small" type="link" onClick={() => setViewing(r)}>
                    {t('store.redemptions.view')}
                  </Button>
                  {cancels && r.status === 'completed' && (
                    <Button size="small" danger onClick={() => setCancelling(r)}>
                      {t('store.redemptions.cancel')}
                    </Button>
                  )}
                </Space>
              ),
            },
          ]}
        />
      </Card>
      {viewing && (
        <ReceiptModal
          redemption={viewing}
          villageName={me.villageName}
          onClose={() => setViewing(undefined)}
        />
      )}
      {cancelling && (
        <CancelModal
          villageId={villageId}
          redemption={cancelling}
          onClose={() => setCancelling(undefined)}
          onDone={(r) => {
            setCancelling(undefined);
            void message.success(t('store.redemptions.cancelled', { code: r.code }));
            day.reload();
          }}
        />
      )}
    </>
  );
}
