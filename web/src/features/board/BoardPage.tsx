import { ReloadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Empty, Flex, Skeleton, Tabs, Tag, Typography } from 'antd';
import { type ReactNode, useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { PublicShell } from '../../components/PublicShell';
import { ApiError } from '../../lib/api';
import { errorText } from '../../lib/errors';
import { formatDateTime, formatDay } from '../../lib/format';
import { useLoad } from '../../lib/use-load';
import { objectPublicly, type PostedLine, type PublicBoard, readBoard } from './board-api';
import { ObjectionModal } from './ObjectionModal';

/** Large type: the board is read on phones in the village, often by older villagers. */
const big = { fontSize: 18 };

type Line = { name: string; group: string; ruleName: string; occurredOn: string };

/** One line of the board: what it says on the left, points (and actions) on the right; wraps on a phone. */
function Row(props: { children: ReactNode; end: ReactNode; testId?: string }) {
  return (
    <Flex
      justify="space-between"
      align="center"
      wrap
      gap={8}
      data-testid={props.testId}
      style={{ padding: '12px 0', borderBottom: '1px solid rgba(5, 5, 5, 0.06)', ...big }}
    >
      <div style={{ flex: '1 1 240px' }}>{props.children}</div>
      <Flex gap={8} align="center">
        {props.end}
      </Flex>
    </Flex>
  );
}

function Rows<T>(props: { items: T[]; empty: string; render: (item: T) => ReactNode }) {
  if (props.items.length === 0) return <Empty description={props.empty} />;
  return <div>{props.items.map(props.render)}</div>;
}

/** Lines of one answer never move, so their place is their key. */
const placed = <T,>(items: T[]) => items.map((item, place) => ({ item, place }));

/**
 * `/board/<villageId>`, public: the village's notice board (公示栏) as the paper one on the wall
 * would show it, with masked names, plus the objection form for anything still on posting.
 */
export function BoardPage() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const villageId = useParams().villageId ?? '';
  const board = useLoad(useCallback(() => readBoard(villageId), [villageId]));
  const [objecting, setObjecting] = useState<PostedLine>();
  const lng = i18n.language;
  const b = board.data;
  const describe = (l: Line) => `${l.name}（${l.group}）· ${l.ruleName} · ${formatDay(l.occurredOn, lng)}`;
  const points = (n: number) => <strong>{t('board.points', { points: n })}</strong>;

  return (
    <PublicShell>
      <div data-testid="public-board">
        {board.error ? (
          <Alert
            type="error"
            showIcon
            title={
              board.error instanceof ApiError && board.error.status === 404
                ? t('board.notFound')
                : errorText(board.error, t, lng)
            }
            action={<Button onClick={board.reload}>{t('common.retry')}</Button>}
          />
        ) : (
          <Skeleton loading={!b} active>
            {b && (
              <>
                <Flex justify="space-between" align="baseline" wrap gap={8}>
                  <Typography.Title level={2} style={{ marginBottom: 0 }}>
                    {t('board.title', { village: b.village.name })}
                  </Typography.Title>
                  <Button icon={<ReloadOutlined />} onClick={board.reload} loading={board.loading}>
                    {t('board.refresh')}
                  </Button>
                </Flex>
                <Typography.Paragraph type="secondary" style={big}>
                  {t('board.place', { county: b.village.countyName, township: b.village.townshipName })} ·{' '}
                  {t('board.updatedAt', { at: formatDateTime(b.generatedAt) })}
                </Typography.Paragraph>
                <Typography.Paragraph style={big}>
                  {b.village.postingDays > 0
                    ? t('board.intro', { days: b.village.postingDays })
                    : t('board.noPostingIntro')}
                </Typography.Paragraph>
                <Card title={<span style={big}>{t('board.posted')}</span>} style={{ marginBottom: 16 }}>
                  <Rows
                    items={b.posted}
                    empty={t('board.postedEmpty')}
                    render={(l) => (
                      <Row
                        key={l.recordId}
                        testId="posted-line"
                        end={
                          <>
                            {points(l.points)}
                            <Button size="large" onClick={() => setObjecting(l)}>
                              {t('board.object')}
                            </Button>
                          </>
                        }
                      >
                        {describe(l)}
                        <Typography.Text type="secondary" style={{ display: 'block' }}>
                          {l.programName} · {t('board.postedUntil', { at: formatDateTime(l.postedUntil) })}
                        </Typography.Text>
                      </Row>
                    )}
                  />
                </Card>
                <Card title={<span style={big}>{t('board.ranking')}</span>} style={{ marginBottom: 16 }}>
                  <Rankings board={b} />
                </Card>
                <Card title={<span style={big}>{t('board.recentlyEffective')}</span>}>
                  <Rows
                    items={placed(b.recentlyEffective)}
                    empty={t('board.effectiveEmpty')}
                    render={({ item: l, place }) => (
                      <Row key={place} end={points(l.points)}>
                        {describe(l)}
                      </Row>
                    )}
                  />
                </Card>
              </>
            )}
          </Skeleton>
        )}
      </div>
      {objecting && (
        <ObjectionModal
          subject={`${describe(objecting)} · ${t('board.points', { points: objecting.points })}`}
          title={t('board.objectTitle')}
          hint={t('board.objectHint')}
          send={(body, key) => objectPublicly(villageId, objecting.recordId, body, key)}
          onClose={() => setObjecting(undefined)}
          onDone={() => {
            setObjecting(undefined);
            void message.success(t('board.submitted'));
            board.reload();
          }}
        />
      )}
    </PublicShell>
  );
}

function Rankings({ board }: { board: PublicBoard }) {
  const { t } = useTranslation();
  const withRows = board.rankings.filter((r) => r.rows.length > 0);
  if (withRows.length === 0) return <Empty description={t('board.rankingEmpty')} />;
  return (
    <Tabs
      items={withRows.map((r) => ({
        key: r.programName,
        label: <span style={big}>{r.programName}</span>,
        // A ranking is static per answer: a row's place in it is its identity.
        children: placed(r.rows).map(({ item: row, place }) => (
          <Row
            key={place}
            testId="ranking-row"
            end={<strong>{t('board.points', { points: row.earned })}</strong>}
          >
            <Tag color={row.rank <= 3 ? 'gold' : undefined} style={big}>
              {t('board.rank', { rank: row.rank })}
            </Tag>
            {row.name}（{row.group}）
          </Row>
        )),
      }))}
    />
  );
}
