import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import {
  Button,
  Checkbox,
  Flex,
  Input,
  InputNumber,
  Segmented,
  Select,
  Space,
  Table,
  type TableColumnsType,
  Tag,
  Typography,
  theme,
} from 'antd';
import { type HTMLAttributes, type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  blankRule,
  type EditableContent,
  type EditableRule,
  fromEditable,
  PERIODS,
  type Period,
  type ShapeKind,
  UNITS,
  type Unit,
} from './model';
import { pathsOf, ruleErrorLookup, rulePath } from './rule-errors';
import { ruleSummary } from './summary';

type Row = EditableRule & { index: number };

/** The rules of a set, filterable by category, edited in place (or shown read-only). */
export function RulesTable(props: {
  content: EditableContent;
  readOnly: boolean;
  errors: Record<string, string>;
  onChange: (content: EditableContent) => void;
  onClearErrors: (paths: string[]) => void;
}) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const { categories, rules } = props.content;
  const [filter, setFilter] = useState<string>('');
  const active = filter && categories.includes(filter) ? filter : '';
  const rows: Row[] = rules
    .map((r, index) => ({ ...r, index }))
    .filter((r) => !active || r.category === active);
  const red = { color: token.colorError };

  const lookup = ruleErrorLookup(props.errors);
  const errorOf = (row: Row, ...fields: string[]) => lookup(row.index, ...fields);

  function update<K extends keyof EditableRule>(row: Row, field: K, value: EditableRule[K]) {
    props.onClearErrors((pathsOf[field] ?? []).map((sub) => rulePath(row.index, sub)));
    props.onChange({
      ...props.content,
      rules: rules.map((r) => (r.key === row.key ? { ...r, [field]: value } : r)),
    });
  }

  function addRule() {
    const category = active || categories[0] || '';
    const taken = new Set(rules.map((r) => r.code.trim().toUpperCase()));
    props.onClearErrors(Object.keys(props.errors).filter((p) => p.startsWith('content.rules.')));
    props.onChange({ ...props.content, rules: [...rules, blankRule(category, taken)] });
  }

  function removeRule(row: Row) {
    // Later rows move up one index: their errors no longer point at them.
    props.onClearErrors(Object.keys(props.errors).filter((p) => p.startsWith('content.rules.')));
    props.onChange({ ...props.content, rules: rules.filter((r) => r.key !== row.key) });
  }

  const cell = (message: string | undefined, node: ReactNode) => (
    <div>
      {node}
      {message && (
        <div role="alert" style={{ ...red, fontSize: 12, maxWidth: 220, whiteSpace: 'normal' }}>
          {message}
        </div>
      )}
    </div>
  );
  const status = (message: string | undefined) => (message ? ('error' as const) : undefined);

  /** The rule as it will be saved, for its one-line summary; undefined while numbers are missing. */
  const summaryOf = (row: EditableRule): string | undefined => {
    if (row.points === null || (row.kind === 'perUnit' && row.unitSize === null)) return undefined;
    return ruleSummary(fromEditable(row), t);
  };
  const summary = (row: EditableRule) => {
    const text = summaryOf(row);
    return text ? (
      <Typography.Text type="secondary" style={row.points !== null && row.points < 0 ? red : undefined}>
        {text}
      </Typography.Text>
    ) : null;
  };
  const yesNo = (v: boolean) => (v ? t('rules.yes') : t('rules.no'));
  const periodOptions = PERIODS.map((p) => ({ value: p, label: t(`rules.period.${p}`) }));

  // The rule's Chinese name leads; its code (PUBLIC-SPACE) is for imports and hidden on phones.
  const readColumns: TableColumnsType<Row> = [
    { title: t('rules.col.name'), dataIndex: 'name' },
    {
      title: t('rules.col.code'),
      dataIndex: 'code',
      responsive: ['md'],
      render: (v: string) => <Typography.Text code>{v}</Typography.Text>,
    },
    { title: t('rules.col.category'), dataIndex: 'category', render: (v: string) => <Tag>{v}</Tag> },
    {
      title: t('rules.col.points'),
      dataIndex: 'points',
      align: 'right',
      render: (_, r) => <span style={r.points !== null && r.points < 0 ? red : undefined}>{r.points}</span>,
    },
    { title: t('rules.col.summary'), key: 'summary', render: (_, r) => summary(r) },
    // Secondary on a phone: the name, category, points and summary say what a rule is worth.
    { title: t('rules.col.evidence'), dataIndex: 'evidenceRequired', render: yesNo, responsive: ['sm'] },
    { title: t('rules.col.selfDeclare'), dataIndex: 'selfDeclarable', render: yesNo, responsive: ['sm'] },
    {
      title: t('rules.col.description'),
      dataIndex: 'description',
      responsive: ['sm'],
      render: (v: string) => v || t('common.none'),
    },
  ];

  const editColumns: TableColumnsType<Row> = [
    {
      title: t('rules.col.code'),
      key: 'code',
      render: (_, r) => {
        const e = errorOf(r, 'code');
        return cell(
          e,
          <Input
            style={{ width: 170 }}
            maxLength={32}
            aria-label={t('rules.col.code')}
            status={status(e)}
            value={r.code}
            onChange={(ev) => update(r, 'code', ev.target.value.toUpperCase())}
          />,
        );
      },
    },
    {
      title: t('rules.col.name'),
      key: 'name',
      render: (_, r) => {
        const e = errorOf(r, 'name');
        return cell(
          e,
          <Space orientation="vertical" size={2}>
            <Input
              style={{ width: 200 }}
              maxLength={40}
              aria-label={t('rules.col.name')}
              status={status(e)}
              value={r.name}
              onChange={(ev) => update(r, 'name', ev.target.value)}
            />
            <span data-testid="rule-summary">{summary(r)}</span>
          </Space>,
        );
      },
    },
    {
      title: t('rules.col.category'),
      key: 'category',
      render: (_, r) => {
        const e = errorOf(r, 'category');
        return cell(
          e,
          <Select
            style={{ width: 130 }}
            aria-label={t('rules.col.category')}
            status={status(e)}
            value={r.category || undefined}
            options={categories.map((c) => ({ value: c, label: c }))}
            onChange={(v: string) => update(r, 'category', v)}
          />,
        );
      },
    },
    {
      title: t('rules.col.kind'),
      key: 'kind',
      render: (_, r) => {
        const e = errorOf(r, 'kind');
        return cell(
          e,
          <Select<ShapeKind>
            style={{ width: 130 }}
            aria-label={t('rules.col.kind')}
            status={status(e)}
            value={r.kind}
            options={[
              { value: 'fixed', label: t('rules.kind.fixed') },
              { value: 'perUnit', label: t('rules.kind.perUnit') },
            ]}
            onChange={(v) => {
              update(r, 'kind', v);
            }}
          />,
        );
      },
    },
    {
      title: t('rules.col.points'),
      key: 'points',
      render: (_, r) => {
        const e = errorOf(r, 'points');
        const deduction = r.points !== null && r.points < 0;
        return cell(
          e,
          <InputNumber<number>
            style={{ width: 100, ...(deduction ? red : {}) }}
            styles={deduction ? { input: red } : undefined}
            aria-label={t('rules.col.points')}
            status={status(e)}
            precision={0}
            min={-10_000}
            max={10_000}
            value={r.points}
            onChange={(v) => update(r, 'points', v)}
          />,
        );
      },
    },
    {
      title: t('rules.col.unit'),
      key: 'unit',
      render: (_, r) => {
        if (r.kind !== 'perUnit')
          return <Typography.Text type="secondary">{t('common.none')}</Typography.Text>;
        const e = errorOf(r, 'unitSize', 'unit');
        return cell(
          e,
          <Space.Compact>
            <InputNumber<number>
              style={{ width: 90 }}
              aria-label={t('rules.field.shapeUnitSize')}
              status={status(e)}
              min={0.01}
              value={r.unitSize}
              onChange={(v) => update(r, 'unitSize', v)}
            />
            <Select<Unit>
              style={{ width: 86 }}
              aria-label={t('rules.field.shapeUnit')}
              value={r.unit}
              options={UNITS.map((u) => ({ value: u, label: u }))}
              onChange={(v) => update(r, 'unit', v)}
            />
          </Space.Compact>,
        );
      },
    },
    {
      title: t('rules.col.cap'),
      key: 'cap',
      render: (_, r) => {
        const e = errorOf(r, 'maxPoints', 'maxOccurrences', 'period');
        return cell(
          e,
          <Space.Compact>
            <Select<Period>
              style={{ width: 96 }}
              aria-label={t('rules.field.capPeriod')}
              value={r.period}
              options={periodOptions}
              onChange={(v) => update(r, 'period', v)}
            />
            <InputNumber<number>
              style={{ width: 100 }}
              aria-label={t('rules.field.capMaxPoints')}
              status={status(e)}
              min={1}
              precision={0}
              suffix={t('rules.capPoints')}
              value={r.maxPoints}
              onChange={(v) => update(r, 'maxPoints', v)}
            />
            <InputNumber<number>
              style={{ width: 90 }}
              aria-label={t('rules.field.capMaxOccurrences')}
              status={status(e)}
              min={1}
              precision={0}
              suffix={t('rules.capTimes')}
              value={r.maxOccurrences}
              onChange={(v) => update(r, 'maxOccurrences', v)}
            />
          </Space.Compact>,
        );
      },
    },
    {
      title: t('rules.col.evidence'),
      key: 'evidence',
      align: 'center',
      render: (_, r) => (
        <Checkbox
          aria-label={t('rules.col.evidence')}
          checked={r.evidenceRequired}
          onChange={(ev) => update(r, 'evidenceRequired', ev.target.checked)}
        />
      ),
    },
    {
      title: t('rules.col.selfDeclare'),
      key: 'selfDeclare',
      align: 'center',
      render: (_, r) => (
        <Checkbox
          aria-label={t('rules.col.selfDeclare')}
          checked={r.selfDeclarable}
          onChange={(ev) => update(r, 'selfDeclarable', ev.target.checked)}
        />
      ),
    },
    {
      title: t('rules.col.description'),
      key: 'description',
      render: (_, r) => {
        const e = errorOf(r, 'description');
        return cell(
          e,
          <Input.TextArea
            style={{ width: 220 }}
            autoSize={{ minRows: 1, maxRows: 3 }}
            maxLength={500}
            aria-label={t('rules.col.description')}
            status={status(e)}
            value={r.description}
            onChange={(ev) => update(r, 'description', ev.target.value)}
          />,
        );
      },
    },
    {
      title: t('common.actions'),
      key: 'actions',
      fixed: 'right',
      render: (_, r) => (
        <Button
          danger
          type="text"
          icon={<DeleteOutlined />}
          aria-label={t('rules.removeRule')}
          title={t('rules.removeRule')}
          onClick={() => removeRule(r)}
        />
      ),
    },
  ];

  const count = (category: string) => rules.filter((r) => r.category === category).length;

  return (
    <>
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 12 }}>
        {/* Many categories scroll inside their own strip on a phone, not the page. */}
        <div style={{ maxWidth: '100%', overflowX: 'auto' }}>
          <Segmented
            value={active}
            onChange={(v) => setFilter(String(v))}
            options={[
              { value: '', label: `${t('rules.all')} ${rules.length}` },
              ...categories.map((c) => ({ value: c, label: `${c} ${count(c)}` })),
            ]}
          />
        </div>
        {!props.readOnly && (
          <Button icon={<PlusOutlined />} onClick={addRule} disabled={categories.length === 0}>
            {t('rules.addRule')}
          </Button>
        )}
      </Flex>
      {!props.readOnly && categories.length === 0 && (
        <Typography.Paragraph type="secondary">{t('rules.noCategories')}</Typography.Paragraph>
      )}
      <Table<Row>
        rowKey="key"
        size="small"
        scroll={{ x: 'max-content' }}
        dataSource={rows}
        columns={props.readOnly ? readColumns : editColumns}
        pagination={false}
        locale={{ emptyText: t('rules.noRules') }}
        onRow={(r) => ({ 'data-code': r.code }) as HTMLAttributes<HTMLElement>}
      />
    </>
  );
}
