import {
  App,
  Button,
  Card,
  Col,
  DatePicker,
  Descriptions,
  Empty,
  Flex,
  Row,
  Skeleton,
  Statistic,
  Table,
  Tag,
  Typography,
  theme,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { LoadError } from '../../app/LoadError';
import { api, call } from '../../lib/api';
import { formatDateTime, formatDay, formatNumber, todayInChina } from '../../lib/format';
import { localizeMessage } from '../../lib/i18n';
import { useLoad } from '../../lib/use-load';
import { useMe } from '../auth/session';
import { ConsentsCard } from '../partners/ConsentsCard';
import { listPrograms } from '../rules/rules-api';
import {
  type Account,
  endOfChinaDay,
  getHousehold,
  getLedger,
  type LedgerEntry,
  PAGE_SIZE,
} from './households-api';
import { VillageCrumbs } from './VillageCrumbs';

/** One household: its members, a card per points account and the ledger, newest first. */
export function HouseholdPage() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const { token } = theme.useToken();
  const me = useMe();
  const params = useParams();
  const villageId = params.villageId ?? '';
  const householdId = params.householdId ?? '';
  const [asOfDay, setAsOfDay] = useState<string>();
  // Further pages, for the first page they follow: another date starts the ledger again.
  const [further, setFurther] = useState<{ after: unknown; entries: LedgerEntry[]; nextCursor?: string }>();
  const [loadingMore, setLoadingMore] = useState(false);
  const lng = i18n.language;

  const data = useLoad(
    useCallback(async () => {
      const [village, household, programs] = await Promise.all([
        call(api().GET('/api/villages/{villageId}', { params: { path: { villageId } } })),
        getHousehold(villageId, householdId),
        listPrograms(villageId),
      ]);
      return { village, household, programs };
    }, [villageId, householdId]),
  );
  const ledger = useLoad(
    useCallback(
      () =>
        getLedger(villageId, householdId, {
          asOf: asOfDay ? endOfChinaDay(asOfDay) : undefined,
          limit: PAGE_SIZE,
        }),
      [villageId, householdId, asOfDay],
    ),
  );
  const more = further?.after === ledger.data ? further : undefined;

  const entries = [...(ledger.data?.entries ?? []), ...(more?.entries ?? [])];
  const nextCursor = more ? more.nextCursor : ledger.data?.nextCursor;

  async function loadMore() {
    if (!nextCursor) return;
    setLoadingMore(true);
    try {
      const page = await getLedger(villageId, householdId, {
        asOf: asOfDay ? endOfChinaDay(asOfDay) : undefined,
        limit: PAGE_SIZE,
        cursor: nextCursor,
      });
      setFurther({
        after: ledger.data,
        entries: [...(more?.entries ?? []), ...page.entries],
        nextCursor: page.nextCursor,
      });
    } catch {
      void message.error(t('common.loadFailed'));
    } finally {
      setLoadingMore(false);
    }
  }

  if (data.error) return <LoadError error={data.error} onRetry={data.reload} />;
  const household = data.data?.household;
  const programName = (id: string) => data.data?.programs.find((p) => p.id === id)?.name ?? id;
  const villageName = data.data?.village.name ?? me.villageName ?? '';
  const n = (value: number) => formatNumber(value, lng);
  const accounts = ledger.data?.accounts ?? [];
  const signed = (points: number) => (points > 0 ? `+${n(points)}` : n(points));
  const title = household
    ? t('households.detailTitle', { number: household.number, name: household.headName })
    : t('app.loading');

  return (
    <>
      <VillageCrumbs
        villageId={villageId}
        villageName={villageName}
        trail={[
          <Link key="list" to={`/villages/${villageId}/households`}>
            {t('households.title')}
          </Link>,
          title,
        ]}
      />
      <Typography.Title level={3}>{title}</Typography.Title>
      <Card title={t('households.members')} style={{ marginBottom: 16 }}>
        <Skeleton loading={!household} active>
          {household && (
            <>
              <Descriptions
                column={{ xs: 1, md: 3 }}
                items={[
                  { key: 'number', label: t('households.number'), children: household.number },
                  { key: 'group', label: t('households.group'), children: household.group },
                  {
                    key: 'address',
                    label: t('households.address'),
                    children: household.address ?? t('common.none'),
                  },
                ]}
              />
              <Table
                rowKey="id"
                size="small"
                pagination={false}
                dataSource={household.members}
                columns={[
                  { title: t('households.memberName'), dataIndex: 'name' },
                  {
                    title: t('households.relation'),
                    dataIndex: 'relation',
                    render: (r: string) => (r === '户主' ? <Tag color="green">{r}</Tag> : r),
                  },
                  {
                    title: t('households.phone'),
                    dataIndex: 'phone',
                    render: (p?: string) => p ?? t('common.none'),
                  },
                ]}
              />
            </>
          )}
        </Skeleton>
      </Card>
      <Card
        title={t('households.accounts')}
        style={{ marginBottom: 16 }}
        extra={
          <Flex gap={8} align="center">
            <Typography.Text type="secondary">{t('households.asOf')}</Typography.Text>
            <DatePicker
              aria-label={t('households.asOf')}
              format={t('rules.dateFormat')}
              value={asOfDay ? dayjs(asOfDay) : null}
              disabledDate={(d: Dayjs) => d.format('YYYY-MM-DD') > todayInChina()}
              onChange={(d: Dayjs | null) => setAsOfDay(d ? d.format('YYYY-MM-DD') : undefined)}
            />
          </Flex>
        }
      >
        {ledger.error ? (
          <LoadError error={ledger.error} onRetry={ledger.reload} />
        ) : (
          <Skeleton loading={ledger.loading && !ledger.data} active>
            {accounts.length === 0 ? (
              <Empty description={t('households.noAccounts')} />
            ) : (
              <Row gutter={[16, 16]}>
                {accounts.map((a: Account) => (
                  <Col key={a.accountRef} xs={24} md={12} xl={8}>
                    <Card size="small" title={programName(a.programId)} data-testid="account-card">
                      <Flex gap={24} wrap>
                        <Statistic title={t('households.balance')} value={n(a.balance)} />
                        <Statistic title={t('households.earned')} value={n(a.earned)} />
                        <Statistic
                          title={t('households.deducted')}
                          value={n(a.deducted)}
                          styles={a.deducted ? { content: { color: token.colorError } } : undefined}
                        />
                        {a.spent > 0 && <Statistic title={t('households.spent')} value={n(a.spent)} />}
                        {asOfDay && a.balanceAsOf !== undefined && (
                          <Statistic
                            title={t('households.asOfBalance', { date: formatDay(asOfDay, lng) })}
                            value={n(a.balanceAsOf)}
                          />
                        )}
                      </Flex>
                    </Card>
                  </Col>
                ))}
              </Row>
            )}
          </Skeleton>
        )}
      </Card>
      <ConsentsCard villageId={villageId} householdId={householdId} />
      <Card title={t('households.ledger')}>
        <Table<LedgerEntry>
          rowKey={(e) => `${e.recordId ?? e.redemptionId}:${e.kind}:${e.at}`}
          scroll={{ x: 'max-content' }}
          loading={ledger.loading}
          dataSource={entries}
          pagination={false}
          locale={{ emptyText: t('households.noEntries') }}
          columns={[
            { title: t('households.at'), dataIndex: 'at', render: (at: string) => formatDateTime(at) },
            {
              title: t('households.program'),
              dataIndex: 'programId',
              render: (id: string) => programName(id),
            },
            {
              title: t('households.rule'),
              key: 'rule',
              render: (_, e) => (
                <Flex gap={4} align="center">
                  {e.kind !== 'earn' && e.kind !== 'deduct' && (
                    <Tag color={e.kind === 'redeem' ? 'blue' : 'orange'}>
                      {t(`households.kind.${e.kind}`)}
                    </Tag>
                  )}
                  {e.redemptionId ? (
                    // The receipt is among that day's redemptions.
                    <Link
                      to={`/villages/${villageId}/store/redemptions?date=${todayInChina(new Date(e.at))}`}
                    >
                      {t('store.name')}
                    </Link>
                  ) : (
                    e.ruleName
                  )}
                </Flex>
              ),
            },
            {
              title: t('households.points'),
              dataIndex: 'points',
              align: 'right',
              render: (p: number) => (
                <Typography.Text strong style={{ color: p < 0 ? token.colorError : token.colorSuccess }}>
                  {signed(p)}
                </Typography.Text>
              ),
            },
            {
              title: t('households.explanation'),
              key: 'explanation',
              render: (_, e) => (lng === 'en' ? e.explanation.en : e.explanation.zh),
            },
            {
              title: t('households.version'),
              dataIndex: 'ruleVersion',
              render: (v?: number) => (v ? t('households.versionN', { version: v }) : t('common.none')),
            },
            {
              title: t('households.by'),
              dataIndex: 'by',
              // A name, or what acted for nobody ("公示期满 (posting ended)").
              render: (by: string) => localizeMessage(by, lng),
            },
            {
              title: t('households.reason'),
              dataIndex: 'reason',
              render: (r?: string) => r ?? t('common.none'),
            },
          ]}
        />
        {nextCursor && (
          <Flex justify="center" style={{ marginTop: 16 }}>
            <Button loading={loadingMore} onClick={() => void loadMore()}>
              {t('common.loadMore')}
            </Button>
          </Flex>
        )}
      </Card>
    </>
  );
}
