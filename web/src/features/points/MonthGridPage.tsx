import { SendOutlined } from '@ant-design/icons';
import type { Rule } from '@xjf/domain';
import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  DatePicker,
  Flex,
  InputNumber,
  Select,
  Statistic,
  Table,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { LoadError } from '../../app/LoadError';
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
  filledCells,
  type GridLine,
  gridDay,
  gridLines,
  versionOn,
} from './grid-model';
import { submitMonthGrid } from './points-api';

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
  const [values, setValues] = useState<Record<string, CellValue>>({});
  const [key, setKey] = useState(newIdempotencyKey);
  const [sending, setSending] = useState(false);
  const [problems, setProblems] = useState<string[]>([]);

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

  // Another program or month is another grid; its cells start empty.
  // biome-ignore lint/correctness/useExhaustiveDependencies: the grid's identity is the trigger
  useEffect(() => {
    setValues({});
    setProblems([]);
  }, [program?.id, month]);
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
        (households.data ?? []).filter((h) => !group || h.group === group),
        program?.accountHolder === 'member',
      ),
    [households.data, group, program?.accountHolder],
  );
  const ruleList = rules.data ?? [];
  const allLines = useMemo(
    () => gridLines(households.data ?? [], program?.accountHolder === 'member'),
    [households.data, program?.accountHolder],
  );
  const filled = filledCells(allLines, ruleList, values);
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
          <Typography.Text type="secondary">{t('grid.datedOn', { day })}</Typography.Text>
        </Flex>
        {rules.error ? <LoadError error={rules.error} onRetry={rules.reload} /> : null}
        {!rules.loading && !rules.error && !rules.data && (
          <Alert type="warning" showIcon title={t('grid.noRules')} style={{ marginBottom: 16 }} />
        )}
        <Table<GridLine>
          data-testid="month-grid"
          rowKey="key"
          size="small"
          bordered
          loading={households.loading || rules.loading}
          dataSource={lines}
          pagination={false}
          scroll={{ x: 'max-content', y: 560 }}
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
              width: rule.shape.kind === 'perUnit' ? 120 : 90,
              align: 'center' as const,
              render: (_: unknown, line: GridLine) => {
                const value = values[cellKey(line, rule)];
                const label = `${line.household.number} ${line.who} ${rule.name}`;
                return rule.shape.kind === 'fixed' ? (
                  <Checkbox
                    aria-label={label}
                    checked={value !== undefined}
                    onChange={(e) => set(line, rule, e.target.checked ? true : undefined)}
                  />
                ) : (
                  <InputNumber<number>
                    size="small"
                    aria-label={label}
                    min={0.01}
                    max={1_000_000}
                    precision={2}
                    style={{ width: 96 }}
                    placeholder={rule.shape.unit}
                    value={typeof value === 'number' ? value : null}
                    onChange={(q) => set(line, rule, typeof q === 'number' && q > 0 ? q : undefined)}
                  />
                );
              },
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
        <Flex gap={24} align="center" wrap style={{ marginTop: 16 }}>
          <Statistic title={t('grid.cells')} value={filled.cells.length} />
          <Statistic title={t('grid.estimate')} value={total} data-testid="grid-estimate" />
          <Button
            type="primary"
            icon={<SendOutlined />}
            loading={sending}
            disabled={filled.cells.length === 0 || !program}
            onClick={() => void submit()}
          >
            {t('grid.submit', { count: filled.cells.length })}
          </Button>
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
