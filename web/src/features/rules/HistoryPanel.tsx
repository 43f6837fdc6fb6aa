import { Card, Flex, Select, Skeleton, Table, Tag, Typography } from 'antd';
import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadError } from '../../components/LoadError';
import { formatDateTime, formatDay, todayInChina } from '../../lib/format';
import { useLoad } from '../../lib/use-load';
import { DiffView } from './DiffView';
import { diffContent } from './diff';
import { getVersion, type RuleSet, type RulesOwner, type VersionSummary } from './rules-api';

type Side = 'draft' | number;

/** The version in effect today: the highest one whose effective date has come. */
export function activeVersion(versions: VersionSummary[], today = todayInChina()): number | undefined {
  return versions
    .filter((v) => v.effectiveFrom <= today)
    .reduce<number | undefined>(
      (best, v) => (best === undefined || v.version > best ? v.version : best),
      undefined,
    );
}

/** Published versions, newest first, and a comparison of any two (or the draft with one). */
export function HistoryPanel({ owner, ruleSet }: { owner: RulesOwner; ruleSet: RuleSet }) {
  const { t, i18n } = useTranslation();
  const versions = useMemo(
    () => [...(ruleSet.versions ?? [])].sort((a, b) => b.version - a.version),
    [ruleSet],
  );
  const active = activeVersion(versions);
  const latest = ruleSet.latestVersion;
  const sides: Side[] = [...(ruleSet.draft ? (['draft'] as const) : []), ...versions.map((v) => v.version)];
  const [from, setFrom] = useState<Side | undefined>(
    ruleSet.draft ? latest || undefined : latest > 1 ? latest - 1 : undefined,
  );
  const [to, setTo] = useState<Side | undefined>(ruleSet.draft ? 'draft' : latest > 1 ? latest : undefined);

  const contents = useLoad(
    useCallback(async () => {
      if (from === undefined || to === undefined) return undefined;
      const load = async (side: Side) =>
        side === 'draft'
          ? (ruleSet.draft?.content ?? { categories: [], rules: [] })
          : (await getVersion(owner, ruleSet.id, side)).content;
      const [before, after] = await Promise.all([load(from), load(to)]);
      return diffContent(before, after);
    }, [owner, ruleSet, from, to]),
  );

  const sideLabel = (s: Side) =>
    s === 'draft' ? t('rules.diff.draft') : t('rules.history.versionN', { version: s });
  const options = sides.map((s) => ({ value: String(s), label: sideLabel(s) }));
  const parse = (v: string): Side => (v === 'draft' ? 'draft' : Number(v));

  return (
    <>
      <Card title={t('rules.history.title')} size="small" style={{ marginBottom: 16 }}>
        <Table<VersionSummary>
          rowKey="version"
          size="small"
          scroll={{ x: 'max-content' }}
          dataSource={versions}
          pagination={false}
          locale={{ emptyText: t('rules.history.none') }}
          columns={[
            {
              title: t('rules.history.version'),
              dataIndex: 'version',
              render: (_, v) => (
                <>
                  {t('rules.history.versionN', { version: v.version })}{' '}
                  {v.version === active && <Tag color="green">{t('rules.history.active')}</Tag>}
                  {v.effectiveFrom > todayInChina() && <Tag color="blue">{t('rules.history.scheduled')}</Tag>}
                </>
              ),
            },
            {
              title: t('rules.effectiveFrom'),
              dataIndex: 'effectiveFrom',
              render: (_, v) => formatDay(v.effectiveFrom, i18n.language),
            },
            {
              title: t('rules.history.publishedAt'),
              dataIndex: 'publishedAt',
              render: (_, v) => formatDateTime(v.publishedAt),
            },
            { title: t('rules.history.publishedBy'), dataIndex: 'publishedBy' },
            {
              title: t('rules.history.note'),
              dataIndex: 'note',
              render: (_, v) => v.note ?? t('common.none'),
            },
          ]}
        />
      </Card>
      <Card
        title={t('rules.diff.title')}
        size="small"
        extra={
          <Flex gap={8} align="center" wrap>
            <span>{t('rules.diff.from')}</span>
            <Select
              style={{ width: 120 }}
              aria-label={t('rules.diff.from')}
              value={from === undefined ? undefined : String(from)}
              options={options}
              onChange={(v: string) => setFrom(parse(v))}
            />
            <span>{t('rules.diff.to')}</span>
            <Select
              style={{ width: 120 }}
              aria-label={t('rules.diff.to')}
              value={to === undefined ? undefined : String(to)}
              options={options}
              onChange={(v: string) => setTo(parse(v))}
            />
          </Flex>
        }
      >
        {from === undefined || to === undefined ? (
          <Typography.Text type="secondary">{t('rules.diff.pickTwo')}</Typography.Text>
        ) : contents.error ? (
          <LoadError error={contents.error} onRetry={contents.reload} />
        ) : contents.data && !contents.loading ? (
          <DiffView diff={contents.data} />
        ) : (
          <Skeleton active />
        )}
      </Card>
    </>
  );
}
