import { likelyDuplicates, sortByHouseholdNumber } from '@xjf/domain/record-checks';
import { Flex, Select, Tag, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../lib/format';
import type { PointRecord, RecordedEntry } from './points-api';

/** The queue's filters: 村民小组, recorder, rule and 自主申报 (all applied to the loaded records). */
export type QueueFilter = {
  group?: string;
  recorder?: string;
  rule?: string;
  source?: 'self' | 'staff';
};

export function applyQueueFilter(
  items: readonly PointRecord[],
  filter: QueueFilter,
  groupOf: (householdId: string) => string | undefined,
): PointRecord[] {
  return items.filter(
    (r) =>
      (!filter.group || groupOf(r.householdId) === filter.group) &&
      (!filter.recorder || r.recordedBy === filter.recorder) &&
      (!filter.rule || ruleKey(r) === filter.rule) &&
      (!filter.source || (filter.source === 'self') === Boolean(r.selfDeclared)),
  );
}

/** A rule by its program and code: two programs may use the same code. */
const ruleKey = (r: PointRecord) => `${r.programId}#${r.rule.code}`;

/**
 * The pending queue in 户号 order ('2' before '10'), oldest first within a household; records
 * sent back by an objection from the notice board (异议) come first, as they are waited on.
 */
export const byHousehold = (items: readonly PointRecord[]) => {
  const sorted = sortByHouseholdNumber(items, (r) => r.householdNumber);
  const objected = (r: PointRecord) => (r.objections?.length ?? 0) > 0;
  return [...sorted.filter(objected), ...sorted.filter((r) => !objected(r))];
};

/**
 * 疑似重复: each record of the list that has a twin (same account, rule and month) among the
 * list itself and the months' records that still count, with the twin when it is in the list.
 */
export function duplicatesOf(items: readonly PointRecord[], months: readonly RecordedEntry[]) {
  const flagged = likelyDuplicates([
    ...items.map((r) => ({
      id: r.id,
      accountRef: r.accountRef,
      ruleCode: r.rule.code,
      occurredOn: r.occurredOn,
      status: r.status,
      createdAt: r.createdAt,
    })),
    ...months,
  ]);
  const byId = new Map<string, PointRecord | RecordedEntry>([
    ...months.map((e) => [e.id, e] as const),
    ...items.map((r) => [r.id, r] as const),
  ]);
  const twins = new Map<string, PointRecord | RecordedEntry>();
  for (const [id, other] of flagged) {
    const twin = byId.get(other);
    if (twin) twins.set(id, twin);
  }
  return twins;
}

/** The 疑似重复 tag, saying which record it seems to repeat. */
export function DuplicateTag({ twin }: { twin: PointRecord | RecordedEntry }) {
  const { t } = useTranslation();
  const status = t(`points.status.${twin.status}`);
  const other = `${status} · ${formatDateTime(twin.createdAt)}${
    'recordedByName' in twin ? ` · ${twin.recordedByName}` : ''
  }`;
  return (
    <Tooltip title={t('review.duplicateOf', { other })}>
      <Tag color="warning" data-testid="duplicate-tag">
        {t('review.duplicate')}
      </Tag>
    </Tooltip>
  );
}

/** The filter bar over the queue, with how many records it shows. */
export function QueueFilterBar(props: {
  items: readonly PointRecord[];
  shown: number;
  filter: QueueFilter;
  onChange: (filter: QueueFilter) => void;
  groups?: string[];
  programName: (id: string) => string;
}) {
  const { t } = useTranslation();
  const { filter, onChange } = props;
  const recorders = new Map<string, string>();
  const rules = new Map<string, string>();
  const programs = new Set(props.items.map((r) => r.programId));
  for (const r of props.items) {
    recorders.set(r.recordedBy, r.recordedByName);
    const name = programs.size > 1 ? `${r.rule.name}（${props.programName(r.programId)}）` : r.rule.name;
    rules.set(ruleKey(r), name);
  }
  const options = (m: Map<string, string>) =>
    [...m]
      .map(([value, label]) => ({ value, label }))
      .sort((a, b) => a.label.localeCompare(b.label, 'zh-CN'));
  return (
    <Flex gap={8} wrap align="center" style={{ marginBottom: 12 }} data-testid="queue-filters">
      {props.groups && (
        <Select
          allowClear
          style={{ width: 140 }}
          placeholder={t('households.allGroups')}
          aria-label={t('households.group')}
          value={filter.group}
          options={props.groups.map((g) => ({ value: g, label: g }))}
          onChange={(group?: string) => onChange({ ...filter, group })}
        />
      )}
      <Select
        allowClear
        showSearch
        optionFilterProp="label"
        style={{ width: 140 }}
        placeholder={t('review.allRecorders')}
        aria-label={t('points.recordedBy')}
        value={filter.recorder}
        options={options(recorders)}
        onChange={(recorder?: string) => onChange({ ...filter, recorder })}
      />
      <Select
        allowClear
        showSearch
        optionFilterProp="label"
        style={{ width: 180 }}
        placeholder={t('review.allRules')}
        aria-label={t('points.rule')}
        value={filter.rule}
        options={options(rules)}
        onChange={(rule?: string) => onChange({ ...filter, rule })}
      />
      <Select
        allowClear
        style={{ width: 140 }}
        placeholder={t('review.allSources')}
        aria-label={t('villager.selfDeclared')}
        value={filter.source}
        options={[
          { value: 'self', label: t('review.onlySelfDeclared') },
          { value: 'staff', label: t('review.noSelfDeclared') },
        ]}
        onChange={(source?: 'self' | 'staff') => onChange({ ...filter, source })}
      />
      <Typography.Text type="secondary" data-testid="queue-count">
        {props.shown === props.items.length
          ? t('review.shown', { count: props.shown })
          : t('review.shownOf', { count: props.shown, total: props.items.length })}
      </Typography.Text>
    </Flex>
  );
}
