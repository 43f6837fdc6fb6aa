import type { Rule } from '@xjf/domain';
import { Empty, List, Space, Tag, Typography, theme } from 'antd';
import type { TFunction } from 'i18next';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { type FieldValue, isEmptyDiff, type RuleField, type RuleSetDiff } from './diff';
import { ruleSummary } from './summary';

/** `shape.points` → the `rules.field.shapePoints` label. */
const labelKey = (field: RuleField) => field.replace(/\.(\w)/, (_, c: string) => c.toUpperCase());

function valueText(field: RuleField, value: FieldValue, t: TFunction): string {
  if (value === undefined || value === '') return t('rules.diff.none');
  if (typeof value === 'boolean') return value ? t('rules.yes') : t('rules.no');
  if (field === 'shape.kind') return t(`rules.kind.${value as 'fixed' | 'perUnit'}`);
  if (field === 'cap.period') return t(`rules.period.${value as 'month' | 'quarter' | 'year' | 'ever'}`);
  return String(value);
}

/** What changed between two versions, in words: categories, rules added, removed and changed. */
export function DiffView({ diff }: { diff: RuleSetDiff }) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  if (isEmptyDiff(diff))
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('rules.diff.noChange')} />;

  const ruleLine = (rule: Rule) => (
    <Space wrap>
      <Typography.Text code className="xjf-hide-xs">
        {rule.code}
      </Typography.Text>
      <Typography.Text strong>{rule.name}</Typography.Text>
      <Tag>{rule.category}</Tag>
      <Typography.Text type="secondary">{ruleSummary(rule, t)}</Typography.Text>
    </Space>
  );
  const section = (title: string, count: number, color: string, body: ReactNode) =>
    count > 0 && (
      <div style={{ marginBottom: 16 }}>
        <Typography.Title level={5} style={{ color }}>
          {title} ({count})
        </Typography.Title>
        {body}
      </div>
    );

  return (
    <div data-testid="rule-diff">
      {section(
        t('rules.diff.categoriesAdded'),
        diff.categoriesAdded.length,
        token.colorSuccess,
        diff.categoriesAdded.map((c) => (
          <Tag key={c} color="success">
            + {c}
          </Tag>
        )),
      )}
      {section(
        t('rules.diff.categoriesRemoved'),
        diff.categoriesRemoved.length,
        token.colorError,
        diff.categoriesRemoved.map((c) => (
          <Tag key={c} color="error">
            − {c}
          </Tag>
        )),
      )}
      {section(
        t('rules.diff.rulesAdded'),
        diff.rulesAdded.length,
        token.colorSuccess,
        <List
          size="small"
          dataSource={diff.rulesAdded}
          renderItem={(r) => <List.Item>{ruleLine(r)}</List.Item>}
        />,
      )}
      {section(
        t('rules.diff.rulesRemoved'),
        diff.rulesRemoved.length,
        token.colorError,
        <List
          size="small"
          dataSource={diff.rulesRemoved}
          renderItem={(r) => (
            <List.Item style={{ textDecoration: 'line-through', opacity: 0.75 }}>{ruleLine(r)}</List.Item>
          )}
        />,
      )}
      {section(
        t('rules.diff.rulesChanged'),
        diff.rulesChanged.length,
        token.colorWarning,
        <List
          size="small"
          dataSource={diff.rulesChanged}
          renderItem={(change) => (
            <List.Item>
              <div>
                <Space>
                  <Typography.Text code className="xjf-hide-xs">
                    {change.code}
                  </Typography.Text>
                  <Typography.Text strong>{change.name}</Typography.Text>
                </Space>
                <ul style={{ margin: '4px 0 0', paddingInlineStart: 20 }}>
                  {change.changes.map((c) => (
                    <li key={c.field}>
                      {t(`rules.field.${labelKey(c.field)}` as 'rules.field.name')}
                      {t('rules.diff.colon')}
                      <Typography.Text delete type="secondary">
                        {valueText(c.field, c.before, t)}
                      </Typography.Text>
                      {' → '}
                      <Typography.Text strong>{valueText(c.field, c.after, t)}</Typography.Text>
                    </li>
                  ))}
                </ul>
              </div>
            </List.Item>
          )}
        />,
      )}
    </div>
  );
}
