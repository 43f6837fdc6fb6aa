import { Card, Col, Empty, Flex, Row, Statistic, Table, Tag, Typography, theme } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { formatDateTime, formatDay, formatNumber, todayInChina } from '../../lib/format';
import { localizeMessage } from '../../lib/i18n';
import type { Account, LedgerEntry } from './households-api';

/**
 * A card per points account: balance, earned, deducted, spent, and the balance as of a day if asked.
 * Programs are never added together (文明积分 and 生态积分 are different currencies); the program
 * the store spends, when known, is marked so its balance can be checked against the counter.
 */
export function AccountCards(props: {
  accounts: Account[];
  programName: (id: string) => string;
  asOfDay?: string;
  storeProgramId?: string;
  memberName?: (id: string) => string | undefined;
}) {
  const { t, i18n } = useTranslation();
  const { token } = theme.useToken();
  const n = (value: number) => formatNumber(value, i18n.language);
  if (props.accounts.length === 0) return <Empty description={t('households.noAccounts')} />;
  return (
    <Row gutter={[16, 16]}>
      {props.accounts.map((a) => (
        <Col key={a.accountRef} xs={24} md={12} xl={8}>
          <Card
            size="small"
            title={
              a.memberId && props.memberName
                ? `${props.programName(a.programId)} · ${props.memberName(a.memberId) ?? ''}`
                : props.programName(a.programId)
            }
            extra={
              a.programId === props.storeProgramId && <Tag color="blue">{t('households.storeSpends')}</Tag>
            }
            data-testid="account-card"
            data-program-id={a.programId}
            data-store={a.programId === props.storeProgramId ? 'true' : undefined}
          >
            <Flex gap={24} wrap>
              <div data-testid="account-balance">
                <Statistic title={t('households.balance')} value={n(a.balance)} />
              </div>
              <Statistic title={t('households.earned')} value={n(a.earned)} />
              <Statistic
                title={t('households.deducted')}
                value={n(a.deducted)}
                styles={a.deducted ? { content: { color: token.colorError } } : undefined}
              />
              {a.spent > 0 && <Statistic title={t('households.spent')} value={n(a.spent)} />}
              {props.asOfDay && a.balanceAsOf !== undefined && (
                <Statistic
                  title={t('households.asOfBalance', { date: formatDay(props.asOfDay, i18n.language) })}
                  value={n(a.balanceAsOf)}
                />
              )}
            </Flex>
          </Card>
        </Col>
      ))}
    </Row>
  );
}

/**
 * What the API writes as `by` when no person acted (packages/data settlement.ts and expiry.ts):
 * the entry's status, shown as a tag beside the person who recorded it, not as a person.
 */
const systemActors: Record<string, 'postingEnded' | 'annualReset'> = {
  '公示期满 (posting ended)': 'postingEnded',
  '年度清零 (annual reset)': 'annualReset',
};

/**
 * The ledger, newest first, each entry with its "why": rule, version, formula, who and reason.
 * With `villageId` a redemption links to that day's receipts (staff); without, it is plain text.
 */
export function LedgerTable(props: {
  entries: LedgerEntry[];
  loading: boolean;
  programName: (id: string) => string;
  villageId?: string;
}) {
  const { t, i18n } = useTranslation();
  const { token } = theme.useToken();
  const lng = i18n.language;
  const n = (value: number) => formatNumber(value, lng);
  const signed = (points: number) => (points > 0 ? `+${n(points)}` : n(points));
  return (
    <Table<LedgerEntry>
      rowKey={(e) => `${e.recordId ?? e.redemptionId}:${e.kind}:${e.at}`}
      scroll={{ x: 'max-content' }}
      loading={props.loading}
      dataSource={props.entries}
      pagination={false}
      locale={{ emptyText: t('households.noEntries') }}
      columns={[
        { title: t('households.at'), dataIndex: 'at', render: (at: string) => formatDateTime(at) },
        {
          title: t('households.program'),
          dataIndex: 'programId',
          render: (id: string) => props.programName(id),
        },
        {
          title: t('households.rule'),
          key: 'rule',
          render: (_, e) => (
            <Flex gap={4} align="center">
              {e.kind !== 'earn' && e.kind !== 'deduct' && (
                <Tag color={e.kind === 'redeem' ? 'blue' : 'orange'}>{t(`households.kind.${e.kind}`)}</Tag>
              )}
              {!e.redemptionId ? (
                e.ruleName
              ) : props.villageId ? (
                // The receipt is among that day's redemptions.
                <Link
                  to={`/villages/${props.villageId}/store/redemptions?date=${todayInChina(new Date(e.at))}`}
                >
                  {t('store.name')}
                </Link>
              ) : (
                t('store.name')
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
          key: 'by',
          render: (_, e) => {
            const status = systemActors[e.by];
            if (!status) return localizeMessage(e.by, lng);
            return (
              <Flex gap={4} align="center" wrap>
                {e.recordedBy && t('households.recordedBy', { name: e.recordedBy })}
                <Tag color="green">{t(`households.byStatus.${status}`)}</Tag>
              </Flex>
            );
          },
        },
        {
          title: t('households.reason'),
          dataIndex: 'reason',
          render: (r?: string) => r ?? t('common.none'),
        },
      ]}
    />
  );
}
