import { App, Button, Card, DatePicker, Descriptions, Flex, Skeleton, Table, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { LoadError } from '../../components/LoadError';
import { api, call } from '../../lib/api';
import { todayInChina } from '../../lib/format';
import { useLoad } from '../../lib/use-load';
import { useMe } from '../auth/session';
import { ConsentsCard } from '../partners/ConsentsCard';
import { listPrograms } from '../rules/rules-api';
import { endOfChinaDay, getHousehold, getLedger, type LedgerEntry, PAGE_SIZE } from './households-api';
import { AccountCards, LedgerTable } from './LedgerViews';
import { useStoreProgramId } from './store-program';
import { VillageCrumbs } from './VillageCrumbs';

/** One household: its members, a card per points account and the ledger, newest first. */
export function HouseholdPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const me = useMe();
  const params = useParams();
  const villageId = params.villageId ?? '';
  const householdId = params.householdId ?? '';
  const [asOfDay, setAsOfDay] = useState<string>();
  // Further pages, for the first page they follow: another date starts the ledger again.
  const [further, setFurther] = useState<{ after: unknown; entries: LedgerEntry[]; nextCursor?: string }>();
  const [loadingMore, setLoadingMore] = useState(false);

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
  const storeProgramId = useStoreProgramId(villageId, entries);

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
  const accounts = ledger.data?.accounts ?? [];
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
            <AccountCards
              accounts={accounts}
              programName={programName}
              asOfDay={asOfDay}
              storeProgramId={storeProgramId}
              memberName={(id) => data.data?.household.members.find((m) => m.id === id)?.name}
            />
          </Skeleton>
        )}
      </Card>
      <ConsentsCard villageId={villageId} householdId={householdId} />
      <Card title={t('households.ledger')}>
        <LedgerTable
          entries={entries}
          loading={ledger.loading}
          programName={programName}
          villageId={villageId}
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
