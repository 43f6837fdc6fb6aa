import { DownloadOutlined, FileExcelOutlined } from '@ant-design/icons';
import { App, Button, Card, Col, DatePicker, Flex, Row, Select, Skeleton, Statistic, Typography } from 'antd';
import dayjs from 'dayjs';
import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { LoadError } from '../../components/LoadError';
import { todayInChina } from '../../lib/format';
import { useLoad } from '../../lib/use-load';
import { useMe } from '../auth/session';
import { useCountyTree } from '../county/county-data';
import { coverage } from '../county/coverage';
import { programsOf } from '../rules/rules-api';
import { AnomalyList } from './AnomalyList';
import { Chart } from './Chart';
import { categoryStacks, participationBars, perHouseholdBars, trendLines } from './charts';
import { downloadVillagesCsv, downloadVillagesXlsx, type ReportFilter, useDashboard } from './dashboard-api';
import { formatPoints, formatRate, oneDecimal } from './numbers';
import { comparisonColumns, VillageComparison } from './VillageComparison';

const MONTH = 'YYYY-MM';
/** The last half year up to this China month, unless the address says otherwise. */
function defaultRange() {
  const to = dayjs(todayInChina()).format(MONTH);
  return { from: dayjs(`${to}-01`).subtract(5, 'month').format(MONTH), to };
}

/** 数据看板: the county officials' weekly screen, every village compared over a range of months. */
export function DashboardPage() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const me = useMe();
  const countyId = me.countyId ?? '';
  const lng = i18n.language;
  const [params, setParams] = useSearchParams();
  const fallback = defaultRange();
  const filter: ReportFilter = {
    from: params.get('from') ?? fallback.from,
    to: params.get('to') ?? fallback.to,
    township: params.get('township') ?? undefined,
    program: params.get('program') ?? undefined,
  };
  const setFilter = (next: ReportFilter) =>
    setParams(Object.fromEntries(Object.entries(next).filter(([, v]) => v)) as Record<string, string>, {
      replace: true,
    });
  const tree = useCountyTree(countyId);
  const programs = useLoad(useCallback(() => programsOf({ countyId }), [countyId]));
  const report = useDashboard(countyId, filter);
  const [exporting, setExporting] = useState<'csv' | 'xlsx'>();
  const d = report.data;
  // The declared household counts of the villages the report covers, beside its roster counts.
  const declaredOf = (villageId: string) =>
    tree.data?.villages.find((v) => v.id === villageId)?.householdCount;
  const declaredTotal = d?.villages.villages.reduce((sum, v) => sum + (declaredOf(v.villageId) ?? 0), 0);

  const options = useMemo(() => {
    if (!d) return undefined;
    return {
      perHousehold: perHouseholdBars(d.villages.villages, t('dashboard.series.perHousehold')),
      participation: participationBars(d.villages.townships, t('dashboard.series.participation')),
      trend: trendLines(d.trend, lng, {
        earned: t('dashboard.series.earned'),
        deducted: t('dashboard.series.deducted'),
        redeemed: t('dashboard.series.redeemed'),
        participation: t('dashboard.series.participation'),
      }),
      categories: categoryStacks(d.villages.months, d.categories, lng),
    };
  }, [d, lng, t]);

  const exportAs = async (kind: 'csv' | 'xlsx') => {
    setExporting(kind);
    try {
      if (kind === 'csv') await downloadVillagesCsv(countyId, filter);
      else if (d) {
        const columns = comparisonColumns(t as (key: string) => string, lng, declaredOf);
        await downloadVillagesXlsx(
          columns.map((c) => String(c.title)),
          d.villages.villages.map((v) => columns.map((c) => c.cell(v))),
          filter,
        );
      }
    } catch {
      void message.error(t('dashboard.exportFailed'));
    } finally {
      setExporting(undefined);
    }
  };

  if (report.error) return <LoadError error={report.error} onRetry={report.reload} />;
  const totals = d?.villages.totals;

  return (
    <>
      <Typography.Title level={3}>{t('dashboard.title', { county: me.countyName ?? '' })}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('dashboard.intro')}</Typography.Paragraph>
      <Flex wrap gap={12} align="center" style={{ marginBottom: 16 }}>
        <DatePicker.RangePicker
          picker="month"
          allowClear={false}
          aria-label={t('dashboard.range')}
          value={[dayjs(`${filter.from}-01`), dayjs(`${filter.to}-01`)]}
          disabledDate={(day) => day.format(MONTH) > fallback.to}
          onChange={(range) => {
            const [from, to] = range ?? [];
            if (from && to) setFilter({ ...filter, from: from.format(MONTH), to: to.format(MONTH) });
          }}
        />
        <Select
          data-testid="township-filter"
          style={{ minWidth: 160 }}
          allowClear
          placeholder={t('dashboard.allTownships')}
          value={filter.township}
          options={(tree.data?.townships ?? []).map((tw) => ({ value: tw.id, label: tw.name }))}
          onChange={(township?: string) => setFilter({ ...filter, township })}
        />
        <Select
          data-testid="program-filter"
          style={{ minWidth: 160 }}
          allowClear
          placeholder={t('dashboard.allPrograms')}
          value={filter.program}
          options={(programs.data ?? []).map((p) => ({ value: p.name, label: p.name }))}
          onChange={(program?: string) => setFilter({ ...filter, program })}
        />
        <Flex gap={8} style={{ marginLeft: 'auto' }}>
          <Button
            icon={<DownloadOutlined />}
            loading={exporting === 'csv'}
            onClick={() => void exportAs('csv')}
          >
            {t('dashboard.exportCsv')}
          </Button>
          <Button
            icon={<FileExcelOutlined />}
            loading={exporting === 'xlsx'}
            disabled={!d}
            onClick={() => void exportAs('xlsx')}
          >
            {t('dashboard.exportXlsx')}
          </Button>
        </Flex>
      </Flex>
      <Skeleton loading={!d} active>
        <Row gutter={[16, 16]} style={{ marginBottom: 16 }} data-testid="dashboard-kpis">
          {[
            { title: t('dashboard.kpi.villages'), value: String(totals?.villages ?? 0) },
            { title: t('dashboard.kpi.households'), value: formatPoints(totals?.households, lng) },
            { title: t('dashboard.kpi.participation'), value: formatRate(totals?.participationRate) },
            { title: t('dashboard.kpi.earned'), value: formatPoints(totals?.earned, lng) },
            { title: t('dashboard.kpi.pointsPerHousehold'), value: oneDecimal(totals?.pointsPerHousehold) },
            { title: t('dashboard.kpi.redemptionRate'), value: formatRate(totals?.redemptionRate) },
          ].map((s) => (
            <Col key={s.title} xs={12} md={8} xl={4}>
              <Card size="small">
                <Statistic title={s.title} value={s.value} />
                {s.title === t('dashboard.kpi.households') && (
                  <Typography.Text
                    type="secondary"
                    style={{ fontSize: 12 }}
                    data-testid="declared-households"
                  >
                    {t('county.declaredLine', {
                      declared: formatPoints(declaredTotal, lng),
                      coverage: coverage(totals?.households, declaredTotal),
                    })}
                  </Typography.Text>
                )}
              </Card>
            </Col>
          ))}
        </Row>
        {options && (
          <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
            <Col xs={24} xl={14}>
              <Card size="small" title={t('dashboard.charts.perHousehold')}>
                <Chart option={options.perHousehold} testId="chart-per-household" />
              </Card>
            </Col>
            <Col xs={24} xl={10}>
              <Card size="small" title={t('dashboard.charts.participation')}>
                <Chart option={options.participation} testId="chart-participation" />
              </Card>
            </Col>
            <Col xs={24} xl={12}>
              <Card size="small" title={t('dashboard.charts.trend')}>
                <Chart option={options.trend} testId="chart-trend" />
              </Card>
            </Col>
            <Col xs={24} xl={12}>
              <Card size="small" title={t('dashboard.charts.categories')}>
                <Chart option={options.categories} testId="chart-categories" />
              </Card>
            </Col>
          </Row>
        )}
      </Skeleton>
      <Card size="small" title={t('dashboard.table.title')} style={{ marginBottom: 16 }}>
        <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
          {t('county.householdsNote')}
        </Typography.Paragraph>
        <VillageComparison
          villages={d?.villages.villages ?? []}
          loading={report.loading}
          declared={declaredOf}
        />
      </Card>
      <Card size="small" title={t('dashboard.anomalies.title')}>
        <AnomalyList signals={d?.signals ?? []} />
      </Card>
    </>
  );
}
