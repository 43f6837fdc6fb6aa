import { CalculatorOutlined } from '@ant-design/icons';
import type { RuleSetContent } from '@xjf/domain';
import {
  Alert,
  Button,
  Card,
  Empty,
  Flex,
  Form,
  InputNumber,
  Select,
  Statistic,
  Tag,
  Typography,
  theme,
} from 'antd';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadError } from '../../components/LoadError';
import { useSubmit } from '../../lib/forms';
import { useLoad } from '../../lib/use-load';
import { type Evaluation, getVersion, preview, type RuleSet, type RulesOwner } from './rules-api';
import { ruleSummary } from './summary';

type Values = {
  ruleCode: string;
  quantity?: number | null;
  usagePoints?: number | null;
  usageOccurrences?: number | null;
};
type Source = 'draft' | number;

/** Points for one record under a rule, worked out by the API, with its explanation (中文 or English). */
export function PreviewPanel(props: { owner: RulesOwner; ruleSet: RuleSet; dirty: boolean }) {
  const { t, i18n } = useTranslation();
  const { token } = theme.useToken();
  const { ruleSet } = props;
  const [form] = Form.useForm<Values>();
  const sources: Source[] = [
    ...(ruleSet.draft ? (['draft'] as const) : []),
    ...[...(ruleSet.versions ?? [])].map((v) => v.version).sort((a, b) => b - a),
  ];
  const [source, setSource] = useState<Source | undefined>(sources[0]);
  const [result, setResult] = useState<Evaluation>();
  const content = useLoad(
    useCallback(async (): Promise<RuleSetContent | undefined> => {
      if (source === undefined) return undefined;
      if (source === 'draft') return ruleSet.draft?.content;
      return (await getVersion(props.owner, ruleSet.id, source)).content;
    }, [props.owner, ruleSet, source]),
  );
  const ruleCode = Form.useWatch('ruleCode', form);
  const rule = content.data?.rules.find((r) => r.code === ruleCode);

  const { submit, submitting, error } = useSubmit(
    form,
    (v: Values) =>
      preview(props.owner, ruleSet.id, {
        ruleCode: v.ruleCode,
        quantity: rule?.shape.kind === 'perUnit' ? (v.quantity ?? undefined) : undefined,
        usage: { points: v.usagePoints ?? 0, occurrences: v.usageOccurrences ?? 0 },
        version: source,
      }),
    { onSuccess: setResult },
  );

  if (source === undefined) return <Empty description={t('rules.preview.nothing')} />;
  const label = (s: Source) =>
    s === 'draft' ? t('rules.preview.draft') : t('rules.history.versionN', { version: s });

  return (
    <Card size="small" title={t('rules.preview.title')}>
      <Typography.Paragraph type="secondary">{t('rules.preview.intro')}</Typography.Paragraph>
      {props.dirty && source === 'draft' && (
        <Alert type="warning" showIcon title={t('rules.preview.unsavedHint')} style={{ marginBottom: 12 }} />
      )}
      {content.error ? <LoadError error={content.error} onRetry={content.reload} /> : null}
      <Form
        form={form}
        layout="vertical"
        initialValues={{ usagePoints: 0, usageOccurrences: 0 }}
        onFinish={(v) => void submit(v)}
        onValuesChange={() => setResult(undefined)}
        style={{ maxWidth: 720 }}
      >
        <Flex gap={16} wrap>
          <Form.Item label={t('rules.preview.version')}>
            <Select
              style={{ width: 140 }}
              aria-label={t('rules.preview.version')}
              value={String(source)}
              options={sources.map((s) => ({ value: String(s), label: label(s) }))}
              onChange={(v: string) => {
                setSource(v === 'draft' ? 'draft' : Number(v));
                setResult(undefined);
              }}
            />
          </Form.Item>
          <Form.Item
            name="ruleCode"
            label={t('rules.preview.rule')}
            rules={[{ required: true }]}
            style={{ flex: 1 }}
          >
            <Select
              showSearch={{ optionFilterProp: 'label' }}
              loading={content.loading}
              style={{ minWidth: 280 }}
              aria-label={t('rules.preview.rule')}
              options={(content.data?.rules ?? []).map((r) => ({
                value: r.code,
                label: `${r.code} ${r.name}`,
              }))}
            />
          </Form.Item>
        </Flex>
        {rule && (
          <Typography.Paragraph
            type="secondary"
            style={rule.shape.points < 0 ? { color: token.colorError } : undefined}
          >
            {ruleSummary(rule, t)}
          </Typography.Paragraph>
        )}
        <Flex gap={16} wrap>
          {rule?.shape.kind === 'perUnit' && (
            <Form.Item
              name="quantity"
              label={t('rules.preview.quantity')}
              rules={[{ required: true, message: t('common.required') }]}
            >
              <InputNumber<number>
                min={0.01}
                precision={2}
                style={{ width: 160 }}
                suffix={rule.shape.unit}
                aria-label={t('rules.preview.quantity')}
              />
            </Form.Item>
          )}
          <Form.Item name="usagePoints" label={t('rules.preview.usagePoints')}>
            <InputNumber<number> min={0} precision={0} style={{ width: 160 }} />
          </Form.Item>
          <Form.Item name="usageOccurrences" label={t('rules.preview.usageOccurrences')}>
            <InputNumber<number> min={0} precision={0} style={{ width: 160 }} />
          </Form.Item>
        </Flex>
        <Button type="primary" htmlType="submit" icon={<CalculatorOutlined />} loading={submitting}>
          {t('rules.preview.run')}
        </Button>
        {error && <Alert type="error" showIcon title={error} style={{ marginTop: 12 }} />}
      </Form>
      {result && (
        <Card size="small" style={{ marginTop: 16 }} data-testid="preview-result">
          <Flex gap={24} align="center" wrap>
            <Statistic
              title={t('rules.preview.result')}
              value={result.points}
              styles={{ content: { color: result.points < 0 ? token.colorError : token.colorSuccess } }}
            />
            {result.capped && (
              <span>
                <Tag color="orange">{t('rules.preview.capped')}</Tag>
                <Typography.Text type="secondary">
                  {t('rules.preview.uncapped', { points: result.uncapped })}
                </Typography.Text>
              </span>
            )}
          </Flex>
          <Typography.Paragraph style={{ marginTop: 12, marginBottom: 0 }}>
            {i18n.language === 'en' ? result.explanation.en : result.explanation.zh}
          </Typography.Paragraph>
        </Card>
      )}
    </Card>
  );
}
