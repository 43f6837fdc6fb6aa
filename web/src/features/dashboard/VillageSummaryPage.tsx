import { Breadcrumb, Card, Col, Flex, Row, Skeleton, Statistic, Table, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { LoadError } from '../../components/LoadError';
import { formatDateTime, formatDay } from '../../lib/format';
import { useMe } from '../auth/session';
import { Chart } from './Chart';
import { trendLines } from './charts';
import { useVillageSummary, type VillageSummary } from './dashboard-api';
import { formatPoints, formatRate, oneDecimal } from './numbers';
import { RankCard } from './RankCard';

type Household = VillageSummary['topHouseholds'][number];
type Posting = VillageSummary['recentPostings'][number];

/** A village's figures read-only: what a county official opens from the dashboard. */
export function VillageSummaryPage() {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const lng = i18n.language;
  const villageId = useParams().villageId ?? '';
  const summary = useVillageSummary(villageId);
  const s = summary.data;
  const trend = useMemo(
    () =>
      s &&
      trendLines(s.trend, lng, {
        earned: t('dashboard.series.earned'),
        deducted: t('dashboard.series.deducted'),
        redeemed: t('dashboard.series.redeemed'),
        participation: t('dashboard.series.participation'),
      }),
    [s, lng, t],
  );
  if (summary.error) return <LoadError error={summary.error} onRetry={summary.reload} />;
  const county = me.role === 'county_admin' || me.role === 'county_official';

  return (
    <>
      {county && (
        <Breadcrumb
          items={[
            { title: <Link to="/county/dashboard">{t('dashboard.summary.back')}</Link> },
            { title: s?.villageName ?? '' },
          ]}
        />
      )}
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={3}>
          {s ? t('dashboard.summary.title', { village: s.villageName }) : t('app.loading')}
        </Typography.Title>
        <Link to={`/villages/${villageId}`}>{t('dashboard.summary.profile')}</Link>
      </Flex>
      <Skeleton loading={!s} active>
        {s && (
          <>
            <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
              {[
                { title: t('dashboard.kpi.households'), value: String(s.figures.households) },
                { title: t('dashboard.kpi.participation'), value: formatRate(s.figures.participationRate) },
                { title: t('dashboard.kpi.earned'), value: formatPoints(s.figures.earned, lng) },
                {
                  title: t('dashboard.kpi.pointsPerHousehold'),
                  value: oneDecimal(s.figures.pointsPerHousehold),
                },
                { title: t('dashboard.kpi.redemptionRate'), value: formatRate(s.figures.redemptionRate) },
              ].map((k) => (
                <Col key={k.title} xs={12} md={8} xl={4}>
                  <Card size="small">
                    <Statistic title={k.title} value={k.value} />
                  </Card>
                </Col>
              ))}
            </Row>
            <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
              <Col xs={24} xl={16}>
                <Card size="small" title={t('dashboard.charts.trend')}>
                  {trend && <Chart option={trend} height={260} testId="chart-village-trend" />}
                </Card>
              </Col>
              <Col xs={24} xl={8}>
                <RankCard summary={s} />
              </Col>
            </Row>
            <Row gutter={[16, 16]}>
              <Col xs={24} xl={10}>
                <Card size="small" title={t('dashboard.summary.topHouseholds')}>
                  <Table<Household>
                    size="small"
                    rowKey="householdId"
                    pagination={false}
                    dataSource={s.topHouseholds}
                    columns={[
                      {
                        title: t('dashboard.summary.household'),
                        render: (_, h) => `${h.number} ${h.headName}`,
                      },
                      { title: t('dashboard.summary.balance'), dataIndex: 'balance', align: 'right' },
                      { title: t('dashboard.summary.earnedTotal'), dataIndex: 'earned', align: 'right' },
                    ]}
                  />
                </Card>
              </Col>
              <Col xs={24} xl={14}>
                <Card size="small" title={t('dashboard.summary.recentPostings')}>
                  <Table<Posting>
                    size="small"
                    rowKey="recordId"
                    pagination={false}
                    locale={{ emptyText: t('dashboard.summary.noPostings') }}
                    dataSource={s.recentPostings}
                    columns={[
                      {
                        title: t('dashboard.summary.household'),
                        render: (_, p) => `${p.householdNumber} ${p.headName}`,
                      },
                      { title: t('dashboard.summary.rule'), dataIndex: 'ruleName' },
                      { title: t('dashboard.summary.points'), dataIndex: 'points', align: 'right' },
                      {
                        title: t('dashboard.summary.occurredOn'),
                        render: (_, p) => formatDay(p.occurredOn, lng),
                      },
                      {
                        title: t('dashboard.summary.postedUntil'),
                        render: (_, p) => formatDateTime(p.postedUntil),
                      },
                    ]}
                  />
                </Card>
              </Col>
            </Row>
          </>
        )}
      </Skeleton>
    </>
  );
}
