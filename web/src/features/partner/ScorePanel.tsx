import {
  Card,
  DatePicker,
  Descriptions,
  Empty,
  Flex,
  Select,
  Skeleton,
  Statistic,
  Table,
  Tag,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { type ReactNode, useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadError } from '../../components/LoadError';
import { formatDay, formatNumber, todayInChina } from '../../lib/format';
import { useLoad } from '../../lib/use-load';
import { type HouseholdScore, householdScore, type Program } from '../partners/partners-api';

type Line = HouseholdScore['breakdown'][number];

/**
 * One consenting household's score as of a day: the tier and its benefit, the window, how the
 * score was earned. Each load is a logged look-up. `actions` renders beside the score (e.g.
 * issuing a certificate for exactly what is on screen).
 */
export function ScorePanel(props: {
  householdId: string;
  programs: Program[];
  actions?: (score: HouseholdScore) => ReactNode;
}) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const [asOf, setAsOf] = useState(todayInChina());
  const [programId, setProgramId] = useState(props.programs[0]?.id);
  const score = useLoad(
    useCallback(
      () => householdScore(props.householdId, { asOf, programId }),
      [props.householdId, asOf, programId],
    ),
  );
  const s = score.data;
  const n = (v: number) => formatNumber(v, lng);
  const windowText = (w: HouseholdScore['window']) =>
    t(`partner.windows.${w.kind}`, { from: formatDay(w.from, lng), to: formatDay(w.to, lng) });

  return (
    <Card
      title={
        s
          ? `${s.household.villageName} · ${s.household.headName}（${s.household.number}）`
          : t('partner.score')
      }
      extra={
        <Flex gap={8} align="center" wrap>
          {props.programs.length > 1 && (
            <Select
              aria-label={t('partner.program')}
              value={programId}
              onChange={setProgramId}
              options={props.programs.map((p) => ({ value: p.id, label: p.name }))}
            />
          )}
          <Typography.Text type="secondary">{t('partner.asOf')}</Typography.Text>
          <DatePicker
            aria-label={t('partner.asOf')}
            allowClear={false}
            format={t('rules.dateFormat')}
            value={dayjs(asOf)}
            disabledDate={(d: Dayjs) => d.format('YYYY-MM-DD') > todayInChina()}
            onChange={(d: Dayjs | null) => d && setAsOf(d.format('YYYY-MM-DD'))}
          />
          {s && props.actions?.(s)}
        </Flex>
      }
    >
      {score.error ? (
        <LoadError error={score.error} onRetry={score.reload} />
      ) : (
        <Skeleton loading={!s} active>
          {s && (
            <>
              <Flex gap={48} wrap style={{ marginBottom: 16 }}>
                <Statistic
                  title={`${s.program.name} · ${t('partner.score')}`}
                  value={n(s.score)}
                  data-testid="score"
                />
                <Statistic
                  title={t('partner.tier')}
                  valueRender={() =>
                    s.tier ? (
                      <Tag color="gold" style={{ fontSize: 20, padding: '4px 12px' }} data-testid="tier">
                        {s.tier.label}
                      </Tag>
                    ) : (
                      <Typography.Text type="secondary">{t('partner.noTier')}</Typography.Text>
                    )
                  }
                />
              </Flex>
              <Descriptions
                column={1}
                size="small"
                items={[
                  ...(s.tier
                    ? [{ key: 'benefit', label: t('partner.benefit'), children: s.tier.benefit }]
                    : []),
                  {
                    key: 'next',
                    label: t('partner.levels'),
                    children: s.nextTier
                      ? t('partner.nextTier', { label: s.nextTier.label, points: n(s.nextTier.pointsToGo) })
                      : s.tier
                        ? t('partner.topTier')
                        : t('common.none'),
                  },
                  { key: 'window', label: t('partner.window'), children: windowText(s.window) },
                  {
                    key: 'granted',
                    label: t('partner.grantedOn'),
                    children: formatDay(s.consent.grantedOn, lng),
                  },
                ]}
              />
              <Typography.Title level={5}>{t('partner.breakdown')}</Typography.Title>
              <Table<Line>
                rowKey={(l) => l.ruleCode ?? l.ruleName}
                size="small"
                pagination={false}
                dataSource={s.breakdown}
                locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} /> }}
                columns={[
                  { title: t('partner.category'), dataIndex: 'category' },
                  { title: t('partner.rule'), dataIndex: 'ruleName' },
                  { title: t('partner.entries'), dataIndex: 'entries', align: 'right' },
                  {
                    title: t('partner.points'),
                    dataIndex: 'points',
                    align: 'right',
                    render: (p: number) => n(p),
                  },
                ]}
              />
            </>
          )}
        </Skeleton>
      )}
    </Card>
  );
}
