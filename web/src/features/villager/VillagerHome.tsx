import { NotificationOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, Flex, Row, Typography } from 'antd';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { LoadError } from '../../components/LoadError';
import { useLoad } from '../../lib/use-load';
import { useMe } from '../auth/session';
import { getHousehold, getLedger, type LedgerEntry, PAGE_SIZE } from '../households/households-api';
import { AccountCards, LedgerTable } from '../households/LedgerViews';
import { useStoreProgramId } from '../households/store-program';
import type { PointRecord } from '../points/points-api';
import { listPrograms } from '../rules/rules-api';
import { DeclarationList } from './DeclarationList';
import { DeclareForm } from './DeclareForm';
import { declarablePrograms, listDeclarations } from './villager-api';

/**
 * 我的积分: a villager's one page. Their household's points and history with its "why", their
 * declarations, and the form to declare more. The household is the one the API says is theirs.
 */
export function VillagerHome() {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const villageId = me.villageId ?? '';
  const householdId = me.householdId ?? '';
  if (!householdId) return <Alert type="warning" showIcon title={t('villager.noHousehold')} />;
  return <HouseholdHome villageId={villageId} householdId={householdId} name={me.name} lng={i18n.language} />;
}

function HouseholdHome(props: { villageId: string; householdId: string; name: string; lng: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [declared, setDeclared] = useState<PointRecord[]>([]);
  const [more, setMore] = useState<{ entries: LedgerEntry[]; nextCursor?: string }>();
  const [loadingMore, setLoadingMore] = useState(false);

  const page = useLoad(
    useCallback(async () => {
      const where = { villageId: props.villageId, householdId: props.householdId };
      const [household, programs, declarable] = await Promise.all([
        getHousehold(where.villageId, where.householdId),
        listPrograms(where.villageId),
        declarablePrograms(where),
      ]);
      return { household, programs, declarable };
    }, [props.villageId, props.householdId]),
  );
  const ledger = useLoad(
    useCallback(
      () => getLedger(props.villageId, props.householdId, { limit: PAGE_SIZE }),
      [props.villageId, props.householdId],
    ),
  );
  const declarations = useLoad(
    useCallback(
      () => listDeclarations({ villageId: props.villageId, householdId: props.householdId }),
      [props.villageId, props.householdId],
    ),
  );

  async function loadMore() {
    const cursor = more ? more.nextCursor : ledger.data?.nextCursor;
    if (!cursor) return;
    setLoadingMore(true);
    try {
      const next = await getLedger(props.villageId, props.householdId, { limit: PAGE_SIZE, cursor });
      setMore({ entries: [...(more?.entries ?? []), ...next.entries], nextCursor: next.nextCursor });
    } catch {
      void message.error(t('common.loadFailed'));
    } finally {
      setLoadingMore(false);
    }
  }

  const storeProgramId = useStoreProgramId(props.villageId, ledger.data?.entries ?? []);

  if (page.error) return <LoadError error={page.error} onRetry={page.reload} />;
  const household = page.data?.household;
  const programName = (id: string) => page.data?.programs.find((p) => p.id === id)?.name ?? '';
  const accounts = ledger.data?.accounts ?? [];
  const storeProgram = storeProgramId && programName(storeProgramId);
  // Just declared first, then the list as the API has it (without those, should it already have them).
  const records = [
    ...declared,
    ...(declarations.data?.items ?? []).filter((r) => !declared.some((d) => d.id === r.id)),
  ];
  const nextCursor = more ? more.nextCursor : ledger.data?.nextCursor;

  return (
    <>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('villager.title')}
        </Typography.Title>
        <Link to={`/board/${props.villageId}`}>
          <Button icon={<NotificationOutlined />}>{t('villager.board')}</Button>
        </Link>
      </Flex>
      <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
        {t('villager.greeting', { name: props.name })}
        {household &&
          ` · ${t('villager.household', { number: household.number, name: household.headName, group: household.group })}`}
      </Typography.Paragraph>
      {/* Each program's balance on its own, first: 文明积分 and 生态积分 are never one figure. */}
      <Card
        title={t('villager.accounts')}
        style={{ marginBottom: 16 }}
        loading={ledger.loading && !ledger.data}
        data-testid="villager-accounts"
      >
        {ledger.error ? (
          <LoadError error={ledger.error} onRetry={ledger.reload} />
        ) : (
          <>
            <Typography.Paragraph type="secondary" data-testid="villager-store-program">
              {storeProgram
                ? t('villager.storeSpends', { program: storeProgram })
                : t('villager.storeUnknown')}{' '}
              {t('households.apart')}
            </Typography.Paragraph>
            <AccountCards
              accounts={accounts}
              programName={programName}
              storeProgramId={storeProgramId}
              memberName={(id) => household?.members.find((m) => m.id === id)?.name}
            />
          </>
        )}
      </Card>
      <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
        <Col xs={24} lg={10}>
          <Card title={t('villager.declare')} loading={page.loading}>
            <Typography.Paragraph type="secondary">{t('villager.declareIntro')}</Typography.Paragraph>
            <DeclareForm
              villageId={props.villageId}
              householdId={props.householdId}
              programs={page.data?.declarable ?? []}
              members={household?.members ?? []}
              onDeclared={(record) => setDeclared((list) => [record, ...list])}
            />
          </Card>
        </Col>
        <Col xs={24} lg={14}>
          <Card title={t('villager.declarations')}>
            {declarations.error ? (
              <LoadError error={declarations.error} onRetry={declarations.reload} />
            ) : (
              <DeclarationList records={records} loading={declarations.loading} />
            )}
          </Card>
        </Col>
      </Row>
      <Card title={t('villager.ledger')}>
        <LedgerTable
          entries={[...(ledger.data?.entries ?? []), ...(more?.entries ?? [])]}
          loading={ledger.loading}
          programName={programName}
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
