import { PrinterOutlined, UserSwitchOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Flex, Row, Select, Typography } from 'antd';
import { type ReactNode, useCallback, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { LoadError } from '../../components/LoadError';
import { ApiError, newIdempotencyKey } from '../../lib/api';
import { errorText } from '../../lib/errors';
import { localizeMessage } from '../../lib/i18n';
import { useLoad } from '../../lib/use-load';
import { useMe } from '../auth/session';
import { getLedger, type Household } from '../households/households-api';
import { listPrograms } from '../rules/rules-api';
import { BasketCard } from './BasketCard';
import { addOne, type BasketLine, overStock, removeOne, reprice } from './basket';
import { CounterHousehold } from './CounterHousehold';
import { ItemGrid } from './ItemGrid';
import { Receipt } from './Receipt';
import { getSettings, listItems, redeem, type Receipt as Sale, type StoreItem } from './store-api';

const byName = (a: StoreItem, b: StoreItem) => a.name.localeCompare(b.name, 'zh-CN');

/** 兑换柜台: find the household, click the goods, confirm, print the receipt; built for a queue. */
export function CounterPage() {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const villageId = useParams().villageId ?? '';
  const lng = i18n.language;
  const [household, setHousehold] = useState<Household>();
  const [memberId, setMemberId] = useState<string>();
  const [basket, setBasket] = useState<BasketLine[]>([]);
  const [sale, setSale] = useState<Sale>();
  const [problem, setProblem] = useState<ReactNode>();
  const [submitting, setSubmitting] = useState(false);
  // One key per basket until it is sold or refused: a double click or a retry after a lost
  // answer replays the first sale instead of selling twice.
  const key = useRef<string | undefined>(undefined);

  const setup = useLoad(
    useCallback(async () => {
      const [settings, programs] = await Promise.all([getSettings(villageId), listPrograms(villageId)]);
      return { settings, program: programs.find((p) => p.id === settings.programId) };
    }, [villageId]),
  );
  const shelf = useLoad(useCallback(() => listItems(villageId), [villageId]));
  const program = setup.data?.program;
  const perMember = program?.accountHolder === 'member';
  const balance = useLoad(
    useCallback(async () => {
      if (!household || !program || (perMember && !memberId)) return undefined;
      const { accounts } = await getLedger(villageId, household.id, { limit: 1 });
      const account = accounts.find(
        (a) => a.programId === program.id && (perMember ? a.memberId === memberId : !a.memberId),
      );
      return account?.balance ?? 0;
    }, [villageId, household, program, perMember, memberId]),
  );
  const onSale = (shelf.data ?? []).filter((i) => i.status === 'active').sort(byName);

  /** Any change to what is being sold starts a new sale. */
  function change(next: BasketLine[]) {
    setBasket(next);
    setSale(undefined);
    setProblem(undefined);
  }

  function chooseHousehold(next: Household | undefined) {
    setHousehold(next);
    setMemberId(undefined);
    setSale(undefined);
    setProblem(undefined);
    key.current = undefined;
  }

  function nextHousehold() {
    chooseHousehold(undefined);
    setBasket([]);
  }

  async function confirm() {
    if (!household) return;
    key.current ??= newIdempotencyKey();
    setSubmitting(true);
    setProblem(undefined);
    try {
      const result = await redeem(
        villageId,
        {
          householdId: household.id,
          memberId: perMember ? memberId : undefined,
          lines: basket.map(({ itemId, quantity, price }) => ({ itemId, quantity, price })),
        },
        key.current,
      );
      key.current = undefined;
      setSale(result);
      setBasket([]);
      shelf.reload();
      balance.reload();
    } catch (error) {
      // Unknown outcome (no answer, a server fault, still running): keep the key, so a retry cannot sell twice.
      const refused = error instanceof ApiError && error.status >= 400 && error.status < 500;
      if (refused && error.code !== 'request_in_progress') key.current = undefined;
      await explain(error);
    } finally {
      setSubmitting(false);
    }
  }

  /** Tells the clerk what stopped the sale and, where the shelf changed, brings the basket up to date. */
  async function explain(error: unknown) {
    const why = error instanceof ApiError ? localizeMessage(error.message, lng) : errorText(error, t, lng);
    const code = error instanceof ApiError ? error.code : '';
    if (code === 'price_changed' || code === 'item_unavailable' || code === 'out_of_stock') {
      const fresh = await listItems(villageId).catch(() => undefined);
      shelf.reload();
      const short = fresh && code === 'out_of_stock' ? overStock(basket, fresh) : [];
      if (short.length > 0) {
        setProblem(
          <Alert
            type="error"
            showIcon
            data-testid="counter-problem"
            title={t('store.counter.outOfStock')}
            description={
              <ul style={{ margin: 0, paddingInlineStart: 20 }}>
                {short.map((l) => (
                  <li key={l.itemId}>{t('store.counter.left', l)}</li>
                ))}
              </ul>
            }
          />,
        );
        return;
      }
      if (fresh && code !== 'out_of_stock') {
        const { basket: next, changes, removed } = reprice(basket, fresh);
        setBasket(next);
        setProblem(
          <Alert
            type="warning"
            showIcon
            data-testid="counter-problem"
            title={changes.length > 0 ? t('store.counter.priceChanged') : why}
            description={
              <ul style={{ margin: 0, paddingInlineStart: 20 }}>
                {changes.map((c) => (
                  <li key={c.name}>{t('store.counter.priceChange', c)}</li>
                ))}
                {removed.length > 0 && (
                  <li>{t('store.counter.removedItems', { names: removed.join('、') })}</li>
                )}
              </ul>
            }
          />,
        );
        return;
      }
    }
    if (code === 'insufficient_points') balance.reload();
    const titles: Record<string, string> = {
      out_of_stock: t('store.counter.outOfStock'),
      insufficient_points: t('store.counter.insufficient'),
      store_closed: t('store.counter.closed'),
      idempotency_key_reused: t('store.counter.keyReused'),
    };
    setProblem(
      <Alert
        type="error"
        showIcon
        data-testid="counter-problem"
        title={titles[code] ?? why}
        description={titles[code] ? why : undefined}
      />,
    );
  }

  if (setup.error) return <LoadError error={setup.error} onRetry={setup.reload} />;
  if (shelf.error) return <LoadError error={shelf.error} onRetry={shelf.reload} />;
  const notSetUp = setup.data && !program;

  return (
    <>
      <Typography.Title level={3}>{t('store.counter.title')}</Typography.Title>
      <Typography.Paragraph type="secondary">
        {t('store.counter.intro')}
        {program && (
          <>
            {' '}
            <Typography.Text strong data-testid="counter-program">
              {t('store.counter.spends', { program: program.name })}
            </Typography.Text>
          </>
        )}
      </Typography.Paragraph>
      {notSetUp && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('store.notSetUp')}
          description={
            me.role === 'village_admin' && (
              <Link to={`/villages/${villageId}/store/report`}>{t('store.notSetUpAdmin')}</Link>
            )
          }
        />
      )}
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={14}>
          <Card style={{ marginBottom: 16 }}>
            <Flex vertical gap={8}>
              <Typography.Text strong>{t('store.counter.household')}</Typography.Text>
              <CounterHousehold villageId={villageId} value={household} onChange={chooseHousehold} />
              {household && perMember && (
                <Select
                  aria-label={t('store.counter.member')}
                  placeholder={t('store.counter.member')}
                  value={memberId}
                  onChange={setMemberId}
                  options={household.members.map((m) => ({
                    value: m.id,
                    label: `${m.name}（${m.relation}）`,
                  }))}
                />
              )}
            </Flex>
          </Card>
          <Card title={t('store.counter.items')} loading={shelf.loading && !shelf.data}>
            <ItemGrid
              items={onSale}
              basket={basket}
              disabled={!household || submitting}
              onAdd={(item) => change(addOne(basket, item))}
            />
          </Card>
        </Col>
        <Col xs={24} xl={10}>
          {sale ? (
            <Card
              title={t('store.counter.done')}
              extra={
                <Flex gap={8}>
                  <Button icon={<PrinterOutlined />} onClick={() => window.print()}>
                    {t('store.counter.print')}
                  </Button>
                  <Button type="primary" icon={<UserSwitchOutlined />} onClick={nextHousehold}>
                    {t('store.counter.next')}
                  </Button>
                </Flex>
              }
            >
              <Receipt
                redemption={sale}
                villageName={me.villageName}
                balanceAfter={sale.balanceAfter}
                programName={program?.name}
              />
            </Card>
          ) : (
            <BasketCard
              basket={basket}
              shelf={onSale}
              balance={balance.data}
              programName={program?.name}
              submitting={submitting}
              blocked={!household || !program || (perMember && !memberId)}
              alert={
                problem ?? (!household && <Alert type="info" title={t('store.counter.chooseHousehold')} />)
              }
              onMore={(itemId) => {
                const item = onSale.find((i) => i.id === itemId);
                if (item) change(addOne(basket, item));
              }}
              onLess={(itemId) => change(removeOne(basket, itemId))}
              onRemove={(itemId) => change(basket.filter((l) => l.itemId !== itemId))}
              onClear={() => change([])}
              onConfirm={() => void confirm()}
            />
          )}
        </Col>
      </Row>
    </>
  );
}
