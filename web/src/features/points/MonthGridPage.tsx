import { LeftOutlined, RightOutlined, SendOutlined } from '@ant-design/icons';
import type { Rule } from '@xjf/domain';
import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  DatePicker,
  Flex,
  Grid,
  Input,
  InputNumber,
  Select,
  Statistic,
  Table,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { type ReactNode, useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { LoadError } from '../../components/LoadError';
import { ApiError, newIdempotencyKey } from '../../lib/api';
import { errorText } from '../../lib/errors';
import { todayInChina } from '../../lib/format';
import { localizeMessage } from '../../lib/i18n';
import { useLoad } from '../../lib/use-load';
import { useMe } from '../auth/session';
import { allHouseholds } from '../households/households-api';
import { VillageCrumbs } from '../households/VillageCrumbs';
import { getRuleSet, getVersion, listPrograms } from '../rules/rules-api';
import {
  type CellValue,
  cellKey,
  cellPoints,
  cellRefusal,
  filledCells,
  type GridLine,
  gridDay,
  gridLines,
  recordedByCell,
  versionOn,
} from './grid-model';
import { type RecordedEntry, recordedInMonth, submitMonthGrid } from './points-api';

/**
 * 月度登记: a month's participation for every household at once, households as rows and the
 * rules as columns (ticks for fixed rules, quantities for unit rules), sent as one batch.
 */
export function MonthGridPage() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const me = useMe();
  const villageId = useParams().villageId ?? '';
  const today = todayInChina();
  const [programId, setProgramId] = useState<string>();
  const [month, setMonth] = useState(today.slice(0, 7));
  const [group, setGroup] = useState<string>();
  // Find a household by 户号 or name (the grid renders only the rows in view).
  const [q, setQ] = useState('');
  const [values, setValues] = useState<Record<string, CellValue>>({});
  const [key, setKey] = useState(newIdempotencyKey);
  const [sending, setSending] = useState(false);
  const [problems, setProblems] = useState<string[]>([]);

  const phone = !Grid.useBreakpoint().md;
  // The phone form shows one line (household or person) at a time.
  const [at, setAt] = useState(0);

  const programs = useLoad(useCallback(() => listPrograms(villageId), [villageId]));
  const households = useLoad(useCallback(() => allHouseholds(villageId), [villageId]));
  const program = programs.data?.find((p) => p.id === programId) ?? programs.data?.[0];
  const day = gridDay(month, today);
  const rules = useLoad(
    useCallback(async (): Promise<Rule[] | undefined> => {
      if (!program?.ruleSetId) return undefined;
      const ruleSet = await getRuleSet({ villageId }, program.ruleSetId);
      const version = versionOn(ruleSet, day);
      return version === undefined
        ? undefined
        : (await getVersion({ villageId }, ruleSet.id, version)).content.rules;
    }, [villageId, program?.ruleSetId, day]),
  );

  // What the month already holds in this program: shown in its cells, and caps checked against it.
  const recorded = useLoad(
    useCallback(async () => {
      if (!program) return undefined;
      const answer = await recordedInMonth(villageId, month, program.id);
      return { ...answer, programId: program.id };
    }, [villageId, month, program]),
  );
  const perMember = program?.accountHolder === 'member';
  const current = recorded.data?.month === month && recorded.data.programId === program?.id;
  const byCell = useMemo(
    () => recordedByCell(current ? (recorded.data?.items ?? []) : [], perMember),
    [current, recorded.data, perMember],
  );

  // Another program or month is another grid; its cells start empty.
  // biome-ignore lint/correctness/useExhaustiveDependencies: the grid's identity is the trigger
  useEffect(() => {
    setValues({});
    setProblems([]);
    setAt(0);
  }, [program?.id, month]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: another group starts at its first household
  useEffect(() => setAt(0), [group, q]);
  // Any change to the cells makes it another request.
  // biome-ignore lint/correctness/useExhaustiveDependencies: `values` is the trigger
  useEffect(() => setKey(newIdempotencyKey()), [values, program?.id, month]);

  const groups = useMemo(
    () =>
      [...new Set((households.data ?? []).map((h) => h.group))].sort((a, b) => a.localeCompare(b, 'zh-CN')),
    [households.data],
  );
  const lines = useMemo(
    () =>
      gridLines(
        (households.data ?? []).filter(
          (h) =>
            (!group || h.group === group) &&
            (!q ||
              h.number.includes(q) ||
              h.members.some((m) => m.name.includes(q)) ||
              h.headName.includes(q)),
        ),
        program?.accountHolder === 'member',
      ),
    [households.data, group, q, program?.accountHolder],
  );
  const ruleList = rules.data ?? [];
  const allLines = useMemo(
    () => gridLines(households.data ?? [], program?.accountHolder === 'member'),
    [households.data, program?.accountHolder],
  );
  const filled = filledCells(allLines, ruleList, values);
  const refusalOf = (line: GridLine, rule: Rule) => cellRefusal(rule, byCell.get(cellKey(line, rule)));
  // Cells a cap refuses cannot be sent (filled before the month's records arrived, say).
  const refused = filled.where.filter((w) => refusalOf(w.line, w.rule)).length;
  const total = filled.where.reduce((sum, w) => sum + cellPoints(w.rule, values[cellKey(w.line, w.rule)]), 0);
  const lineTotal = (line: GridLine) =>
    ruleList.reduce((s, r) => s + cellPoints(r, values[cellKey(line, r)]), 0);

  const set = (line: GridLine, rule: Rule, value: CellValue | undefined) =>
    setValues((v) => {
      const next = { ...v };
      if (value === undefined) delete next[cellKey(line, rule)];
      else next[cellKey(line, rule)] = value;
      return next;
    });

  async function submit() {
    if (!program) return;
    setSending(true);
    setProblems([]);
    try {
      const result = await submitMonthGrid(
        villageId,
        { programId: program.id, month, cells: filled.cells },
        key,
      );
      void message.success(
        t('grid.submitted', { count: result.created, points: result.estimate, day: result.occurredOn }),
      );
      setValues({});
      recorded.reload();
    } catch (error) {
      const fields = error instanceof ApiError ? error.fields : {};
      const cellProblems = Object.entries(fields).map(([path, text]) => {
        const at = filled.where[Number(path.split('.')[1])];
        const where = at ? `${at.line.household.number} ${at.line.who} · ${at.rule.name}：` : '';
        return `${where}${localizeMessage(text, i18n.language)}`;
      });
      setProblems([errorText(error, t, i18n.language), ...cellProblems]);
    } finally {
      setSending(false);
    }
  }

  const lng = i18n.language;
  /** The input of one cell, what the month already holds there, and a cap's refusal. */
  function cell(line: GridLine, rule: Rule, labelled = false) {
    const value = values[cellKey(line, rule)];
    const label = `${line.household.number} ${line.who} ${rule.name}`;
    const refusal = refusalOf(line, rule);
    const held = byCell.get(cellKey(line, rule));
    const input =
      rule.shape.kind === 'fixed' ? (
        <Checkbox
          aria-label={label}
          checked={value !== undefined}
          disabled={Boolean(refusal) && value === undefined}
          onChange={(e) => set(line, rule, e.target.checked ? true : undefined)}
        >
          {labelled ? t('grid.tick', { points: rule.shape.points }) : null}
        </Checkbox>
      ) : (
        <InputNumber<number>
          size={labelled ? 'middle' : 'small'}
          aria-label={label}
          min={0.01}
          max={1_000_000}
          precision={2}
          disabled={Boolean(refusal) && value === undefined}
          style={{ width: labelled ? 140 : 96 }}
          placeholder={rule.shape.unit}
          value={typeof value === 'number' ? value : null}
          onChange={(q) => set(line, rule, typeof q === 'number' && q > 0 ? q : undefined)}
        />
      );
    return (
      <Flex vertical gap={2} align={labelled ? 'start' : 'center'} data-testid="grid-cell">
        {input}
        {held && <RecordedNote entries={held} />}
        {refusal && (
          <Typography.Text
            type="danger"
            style={{ fontSize: 12, whiteSpace: 'normal', maxWidth: labelled ? undefined : 110 }}
            data-testid="cap-refusal"
          >
            {lng === 'en' ? refusal.en : refusal.zh}
          </Typography.Text>
        )}
      </Flex>
    );
  }

  if (programs.error) return <LoadError error={programs.error} onRetry={programs.reload} />;
  if (households.error) return <LoadError error={households.error} onRetry={households.reload} />;

  return (
    <>
      <VillageCrumbs villageId={villageId} villageName={me.villageName} trail={[t('grid.title')]} />
      <Typography.Title level={3}>{t('grid.title')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('grid.intro')}</Typography.Paragraph>
      <Card>
        <Flex gap={16} wrap align="end" style={{ marginBottom: 16 }}>
          <Select
            aria-label={t('points.program')}
            style={{ width: 220 }}
            loading={programs.loading}
            value={program?.id}
            options={(programs.data ?? []).map((p) => ({ value: p.id, label: p.name }))}
            onChange={setProgramId}
          />
          <DatePicker
            picker="month"
            allowClear={false}
            aria-label={t('grid.month')}
            value={dayjs(`${month}-01`)}
            disabledDate={(d: Dayjs) => d.format('YYYY-MM') > today.slice(0, 7)}
            onChange={(d: Dayjs | null) => d && setMonth(d.format('YYYY-MM'))}
          />
          <Select
            allowClear
            style={{ width: 160 }}
            placeholder={t('households.allGroups')}
            aria-label={t('households.group')}
            value={group}
            options={groups.map((g) => ({ value: g, label: g }))}
            onChange={setGroup}
          />
          <Input.Search
            allowClear
            style={{ width: 200 }}
            placeholder={t('households.search')}
            aria-label={t('households.search')}
            onSearch={(value) => setQ(value.trim())}
          />
          <Typography.Text type="secondary">{t('grid.datedOn', { day })}</Typography.Text>
        </Flex>
        {rules.error ? <LoadError error={rules.error} onRetry={rules.reload} /> : null}
        {!rules.loading && !rules.error && !rules.data && (
          <Alert type="warning" showIcon title={t('grid.noRules')} style={{ marginBottom: 16 }} />
        )}
        <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
          {t('grid.recordedNote')}
        </Typography.Paragraph>
        {phone ? (
          <PhoneLine
            lines={lines}
            at={Math.min(at, Math.max(lines.length - 1, 0))}
            onMove={setAt}
            rules={ruleList}
            loading={households.loading || rules.loading}
            total={lineTotal}
            cell={(line, rule) => cell(line, rule, true)}
          />
        ) : (
          <Table<GridLine>
            data-testid="month-grid"
            rowKey="key"
            size="small"
            bordered
            loading={households.loading || rules.loading}
            dataSource={lines}
            pagination={false}
            // Only the rows in view are rendered: 400 households × a dozen rules is thousands of inputs.
            virtual
            scroll={{ x: 150 + 90 + ruleList.reduce((w, r) => w + cellWidth(r), 0), y: 560 }}
            locale={{ emptyText: t('households.empty') }}
            columns={[
              {
                title: t('households.number'),
                fixed: 'left',
                width: 150,
                render: (_, line) => `${line.household.number} ${line.who}`,
              },
              ...ruleList.map((rule) => ({
                title: rule.name,
                key: rule.code,
                width: cellWidth(rule),
                align: 'center' as const,
                render: (_: unknown, line: GridLine) => cell(line, rule),
              })),
              {
                title: t('grid.lineTotal'),
                key: 'total',
                fixed: 'right',
                width: 90,
                align: 'right',
                render: (_, line) => lineTotal(line) || '',
              },
            ]}
          />
        )}
        <Flex gap={24} align="center" wrap style={{ marginTop: 16 }}>
          <Statistic title={t('grid.cells')} value={filled.cells.length} />
          <Statistic title={t('grid.estimate')} value={total} data-testid="grid-estimate" />
          <Button
            type="primary"
            icon={<SendOutlined />}
            loading={sending}
            disabled={filled.cells.length === 0 || !program || refused > 0}
            onClick={() => void submit()}
          >
            {t('grid.submit', { count: filled.cells.length })}
          </Button>
          {refused > 0 && (
            <Typography.Text type="danger">{t('grid.refusedCells', { count: refused })}</Typography.Text>
          )}
        </Flex>
        {problems.length > 0 && (
          <Alert
            type="error"
            showIcon
            style={{ marginTop: 16 }}
            title={problems[0]}
            description={
              problems.length > 1 && (
                <ul style={{ margin: 0, paddingInlineStart: 20 }}>
                  {problems.slice(1).map((p) => (
                    <li key={p}>{p}</li>
                  ))}
                </ul>
              )
            }
          />
        )}
      </Card>
    </>
  );
}

const cellWidth = (rule: Rule) => (rule.shape.kind === 'perUnit' ? 130 : 110);

/** "已记 1 · 待审": how many records the month already holds in a cell, and where they stand. */
function RecordedNote({ entries }: { entries: RecordedEntry[] }) {
  const { t } = useTranslation();
  const status = [...new Set(entries.map((e) => e.status))]
    .map((s) => t(`grid.recordedStatus.${s}`))
    .join('、');
  return (
    <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="cell-recorded">
      {t('grid.recorded', { count: entries.length, status })}
    </Typography.Text>
  );
}

/**
 * The grid on a phone: one household (or person) at a time with every rule as a labelled input,
 * previous and next, a jump to any household, and the line's estimate.
 */
function PhoneLine(props: {
  lines: GridLine[];
  at: number;
  onMove: (at: number) => void;
  rules: Rule[];
  loading: boolean;
  total: (line: GridLine) => number;
  cell: (line: GridLine, rule: Rule) => ReactNode;
}) {
  const { t } = useTranslation();
  const { lines, at, onMove } = props;
  const line = lines[at];
  if (!line) {
    return (
      <Card size="small" loading={props.loading}>
        {t('households.empty')}
      </Card>
    );
  }
  return (
    <Card
      size="small"
      data-testid="grid-phone"
      title={
        <Flex vertical gap={0} style={{ whiteSpace: 'normal', padding: '6px 0' }}>
          <Typography.Text strong data-testid="grid-phone-line">
            {line.household.number} {line.who}
          </Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {line.household.group} · {t('grid.position', { index: at + 1, total: lines.length })}
          </Typography.Text>
        </Flex>
      }
      extra={
        <Statistic
          title={t('grid.lineTotal')}
          value={props.total(line)}
          styles={{ content: { fontSize: 18 } }}
          data-testid="grid-line-estimate"
        />
      }
    >
      <Select
        showSearch
        style={{ width: '100%', marginBottom: 12 }}
        aria-label={t('grid.jump')}
        value={line.key}
        optionFilterProp="label"
        options={lines.map((l, i) => ({ value: l.key, label: `${l.household.number} ${l.who}`, index: i }))}
        onChange={(_: string, option) => {
          const chosen = Array.isArray(option) ? option[0] : option;
          if (chosen && typeof chosen.index === 'number') onMove(chosen.index);
        }}
      />
      <Flex vertical gap={12}>
        {props.rules.map((rule) => (
          <Flex key={rule.code} justify="space-between" align="start" gap={8}>
            <Typography.Text style={{ flex: '1 1 40%', minWidth: 0, paddingTop: 4 }}>
              {rule.name}
            </Typography.Text>
            <div style={{ flex: '1 1 60%', minWidth: 0 }}>{props.cell(line, rule)}</div>
          </Flex>
        ))}
      </Flex>
      <Flex justify="space-between" style={{ marginTop: 16 }}>
        <Button icon={<LeftOutlined />} disabled={at === 0} onClick={() => onMove(at - 1)}>
          {t('grid.previous')}
        </Button>
        <Button disabled={at >= lines.length - 1} onClick={() => onMove(at + 1)}>
          {t('grid.next')}
          <RightOutlined />
        </Button>
      </Flex>
    </Card>
  );
}
