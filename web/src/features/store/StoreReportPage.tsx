import { CheckCircleFilled, CloseCircleFilled } from '@ant-design/icons';
import { Alert, Card, Col, Empty, List, Row, Table, Typography, theme } from 'antd';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { LoadError } from '../../components/LoadError';
import { formatNumber } from '../../lib/format';
import { useLoad } from '../../lib/use-load';
import { useMe } from '../auth/session';
import { VillageCrumbs } from '../households/VillageCrumbs';
import { listPrograms } from '../rules/rules-api';
import { SettingsForm } from './SettingsForm';
import { getReport, getSettings, type StoreReport } from './store-api';

type StockRow = StoreReport['stock'][number];

/** 库存与设置: stock reconciled with its movements, what to restock, and the redemption settings. */
export function StoreReportPage() {
  const { t, i18n } = useTranslation();
  const { token } = theme.useToken();
  const me = useMe();
  const villageId = useParams().villageId ?? '';
  const n = (value: number) => formatNumber(value, i18n.language);
  const data = useLoad(
    useCallback(async () => {
      const [report, settings, programs] = await Promise.all([
        getReport(villageId),
        getSettings(villageId),
        listPrograms(villageId),
      ]);
      return { report, settings, programs };
    }, [villageId]),
  );

  if (data.error) return <LoadError error={data.error} onRetry={data.reload} />;
  const stock = [...(data.data?.report.stock ?? [])].sort((a, b) =>
    a.item.name.localeCompare(b.item.name, 'zh-CN'),
  );
  const low = stock.filter((s) => s.lowStock);
  const mismatched = stock.filter((s) => !s.matches).length;

  return (
    <>
      <VillageCrumbs villageId={villageId} villageName={me.villageName} trail={[t('store.report.title')]} />
      <Typography.Title level={3}>{t('store.report.title')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('store.report.intro')}</Typography.Paragraph>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={15}>
          <Card
            title={t('store.report.reconcile')}
            loading={data.loading && !data.data}
            style={{ marginBottom: 16 }}
          >
            <Alert
              type={mismatched ? 'error' : 'success'}
              showIcon
              style={{ marginBottom: 12 }}
              data-testid="reconcile-summary"
              title={
                mismatched
                  ? t('store.report.someMismatch', { count: mismatched })
                  : t('store.report.allMatch', { count: stock.length })
              }
            />
            <Table<StockRow>
              rowKey={(s) => s.item.id}
              size="small"
              pagination={false}
              dataSource={stock}
              columns={[
                {
                  title: t('store.report.item'),
                  key: 'item',
                  render: (_, s) => (
                    <Typography.Text type={s.item.status === 'retired' ? 'secondary' : undefined}>
                      {s.item.name}
                      {s.item.status === 'retired' && `（${t('store.catalog.retired')}）`}
                    </Typography.Text>
                  ),
                },
                {
                  title: t('store.report.stock'),
                  key: 'stock',
                  align: 'right',
                  render: (_, s) => n(s.item.stock),
                },
                {
                  title: t('store.report.movementsSum'),
                  dataIndex: 'movementsSum',
                  align: 'right',
                  render: n,
                },
                { title: t('store.report.movements'), dataIndex: 'movements', align: 'right', render: n },
                {
                  title: t('store.report.matches'),
                  dataIndex: 'matches',
                  align: 'center',
                  render: (ok: boolean) =>
                    ok ? (
                      <CheckCircleFilled
                        style={{ color: token.colorSuccess }}
                        aria-label={t('store.report.matched')}
                      />
                    ) : (
                      <CloseCircleFilled
                        style={{ color: token.colorError }}
                        aria-label={t('store.report.mismatched')}
                      />
                    ),
                },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} xl={9}>
          <Card
            title={t('store.report.lowStock')}
            style={{ marginBottom: 16 }}
            loading={data.loading && !data.data}
          >
            {low.length === 0 ? (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('store.report.noLowStock')} />
            ) : (
              <List
                size="small"
                dataSource={low}
                renderItem={(s) => (
                  <List.Item data-testid="low-stock">
                    {t('store.report.lowStockLine', {
                      name: s.item.name,
                      stock: s.item.stock,
                      unit: s.item.unit,
                      at: s.item.lowStockAt,
                    })}
                  </List.Item>
                )}
              />
            )}
          </Card>
          <Card title={t('store.settings.title')} loading={!data.data}>
            {me.role !== 'village_admin' && (
              <Alert type="info" showIcon title={t('store.settings.readOnly')} style={{ marginBottom: 16 }} />
            )}
            {data.data && (
              <SettingsForm
                villageId={villageId}
                settings={data.data.settings}
                programs={data.data.programs}
                editable={me.role === 'village_admin'}
                onSaved={data.reload}
              />
            )}
          </Card>
        </Col>
      </Row>
    </>
  );
}
