import { SendOutlined, UploadOutlined } from '@ant-design/icons';
import type { Rule } from '@xjf/domain';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  DatePicker,
  Flex,
  Form,
  Input,
  InputNumber,
  Row,
  Select,
  Table,
  Typography,
  theme,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { LoadError } from '../../components/LoadError';
import { ApiError } from '../../lib/api';
import { todayInChina } from '../../lib/format';
import { useSubmit } from '../../lib/forms';
import { useLoad } from '../../lib/use-load';
import { useMe } from '../auth/session';
import { VillageCrumbs } from '../households/VillageCrumbs';
import { PhotoThumbs } from '../photos/PhotoThumbs';
import { PhotoUpload } from '../photos/PhotoUpload';
import { type Evaluation, listPrograms, type Program, preview } from '../rules/rules-api';
import { ruleSummary } from '../rules/summary';
import { EstimateCard } from './EstimateCard';
import { HouseholdSelect } from './HouseholdSelect';
import { activeVersion, createRecord, type PointRecord, type RecordCreate } from './points-api';
import { RecordImportModal } from './RecordImportModal';
import { RecordStatusTag } from './RecordStatusTag';

type Values = {
  programId: string;
  householdId?: string;
  ruleCode?: string;
  quantity?: number | null;
  occurredOn: Dayjs;
  note?: string;
  evidence?: string[];
};

const byAge = (a: Program, b: Program) =>
  a.createdAt.localeCompare(b.createdAt) || a.name.localeCompare(b.name, 'zh-CN');

/** 积分录入: one record after another, program and date kept between entries. */
export function RecordPointsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { token } = theme.useToken();
  const me = useMe();
  const villageId = useParams().villageId ?? '';
  const [form] = Form.useForm<Values>();
  const [recent, setRecent] = useState<PointRecord[]>([]);
  const [estimate, setEstimate] = useState<Evaluation>();
  const [importing, setImporting] = useState(false);
  // A new upload field after each entry: the photos belong to the record just sent.
  const [entry, setEntry] = useState(0);
  // A photo still uploading would be left out of the record: the form waits for it.
  const [photosUploading, setPhotosUploading] = useState(false);

  const programs = useLoad(useCallback(async () => (await listPrograms(villageId)).sort(byAge), [villageId]));
  const programId = Form.useWatch('programId', form);
  const ruleCode = Form.useWatch('ruleCode', form);
  const quantity = Form.useWatch('quantity', form);

  // The first program is chosen once the list is in.
  useEffect(() => {
    const first = programs.data?.[0];
    if (first && !form.getFieldValue('programId')) form.setFieldValue('programId', first.id);
  }, [programs.data, form]);

  const active = useLoad(
    useCallback(async () => {
      if (!programId) return undefined;
      try {
        return await activeVersion(villageId, programId);
      } catch (error) {
        // No version in effect today: say so instead of failing.
        if (error instanceof ApiError && error.status === 404) return undefined;
        throw error;
      }
    }, [villageId, programId]),
  );
  const rules = active.data?.content.rules ?? [];
  const program = programs.data?.find((p) => p.id === programId);
  const rule: Rule | undefined = rules.find((r) => r.code === ruleCode);
  const needsQuantity = rule?.shape.kind === 'perUnit';
  const ruleSetId = active.data?.ruleSetId;

  // The points this entry would get, from the API, as the rule and quantity change.
  useEffect(() => {
    setEstimate(undefined);
    if (!ruleSetId || !rule || (needsQuantity && !(typeof quantity === 'number' && quantity > 0))) return;
    let current = true;
    const timer = setTimeout(() => {
      preview({ villageId }, ruleSetId, {
        ruleCode: rule.code,
        quantity: needsQuantity ? (quantity ?? undefined) : undefined,
        usage: { points: 0, occurrences: 0 },
        version: active.data?.version,
      }).then(
        (result) => current && setEstimate(result),
        () => current && setEstimate(undefined),
      );
    }, 250);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [villageId, ruleSetId, rule, needsQuantity, quantity, active.data?.version]);

  const { submit, submitting, error, clearError } = useSubmit(
    form,
    (body: RecordCreate, key) => createRecord(villageId, body, key),
    {
      onSuccess: (record) => {
        void message.success(
          t('points.recorded', { name: record.headName, rule: record.rule.name, points: record.estimate }),
        );
        setRecent((r) => [record, ...r].slice(0, 10));
        // Program and date stay: the next entry is usually the same activity for a neighbour.
        form.resetFields(['householdId', 'quantity', 'note', 'evidence']);
        setEntry((n) => n + 1);
      },
    },
  );

  const onFinish = (v: Values) => {
    if (!v.householdId || !v.ruleCode) return;
    void submit({
      programId: v.programId,
      householdId: v.householdId,
      ruleCode: v.ruleCode,
      quantity: needsQuantity ? (v.quantity ?? undefined) : undefined,
      occurredOn: v.occurredOn.format('YYYY-MM-DD'),
      note: v.note?.trim() || undefined,
      evidence: v.evidence?.length ? v.evidence : undefined,
    });
  };

  // Rules grouped by category, in the version's category order.
  const categories = active.data?.content.categories ?? [];
  const ruleOptions = categories
    .map((category) => ({
      label: category,
      title: category,
      options: rules
        .filter((r) => r.category === category)
        .map((r) => ({ value: r.code, label: r.name, summary: ruleSummary(r, t) })),
    }))
    .filter((g) => g.options.length > 0);

  if (programs.error) return <LoadError error={programs.error} onRetry={programs.reload} />;
  const today = todayInChina();

  return (
    <>
      <VillageCrumbs villageId={villageId} villageName={me.villageName} trail={[t('points.recordTitle')]} />
      <Flex justify="space-between" align="center" wrap>
        <Typography.Title level={3}>{t('points.recordTitle')}</Typography.Title>
        <Button icon={<UploadOutlined />} disabled={!program} onClick={() => setImporting(true)}>
          {t('imports.records.button')}
        </Button>
      </Flex>
      <Typography.Paragraph type="secondary">{t('points.recordIntro')}</Typography.Paragraph>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={15}>
          <Card>
            <Form
              form={form}
              layout="vertical"
              initialValues={{ occurredOn: dayjs(today) }}
              onFinish={onFinish}
              onValuesChange={(changed: Partial<Values>) => {
                clearError();
                if ('programId' in changed) form.setFieldsValue({ ruleCode: undefined, quantity: null });
              }}
            >
              <Form.Item name="programId" label={t('points.program')} rules={[{ required: true }]}>
                <Select
                  aria-label={t('points.program')}
                  loading={programs.loading}
                  style={{ maxWidth: 360 }}
                  options={(programs.data ?? []).map((p) => ({ value: p.id, label: p.name }))}
                />
              </Form.Item>
              {active.error ? <LoadError error={active.error} onRetry={active.reload} /> : null}
              {programId && !active.loading && !active.error && !active.data && (
                <Alert type="warning" showIcon title={t('points.noActive')} style={{ marginBottom: 16 }} />
              )}
              <Form.Item
                name="householdId"
                label={t('points.household')}
                rules={[{ required: true, message: t('common.required') }]}
              >
                <HouseholdSelect villageId={villageId} />
              </Form.Item>
              <Form.Item
                name="ruleCode"
                label={t('points.rule')}
                rules={[{ required: true, message: t('common.required') }]}
                extra={
                  rule && (
                    <span style={rule.shape.points < 0 ? { color: token.colorError } : undefined}>
                      {ruleSummary(rule, t)}
                    </span>
                  )
                }
              >
                <Select
                  showSearch={{ optionFilterProp: 'label' }}
                  aria-label={t('points.rule')}
                  placeholder={t('points.rulePlaceholder')}
                  loading={active.loading}
                  style={{ maxWidth: 480 }}
                  options={ruleOptions}
                  optionRender={(option) => (
                    <Flex justify="space-between" gap={12}>
                      <span>{option.label}</span>
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {(option.data as { summary?: string }).summary}
                      </Typography.Text>
                    </Flex>
                  )}
                />
              </Form.Item>
              <Flex gap={16} wrap>
                {rule?.shape.kind === 'perUnit' && (
                  <Form.Item
                    name="quantity"
                    label={t('points.quantity')}
                    rules={[{ required: true, message: t('common.required') }]}
                  >
                    <InputNumber<number>
                      min={0.01}
                      max={1_000_000}
                      precision={2}
                      style={{ width: 180 }}
                      suffix={rule.shape.unit}
                      aria-label={t('points.quantity')}
                    />
                  </Form.Item>
                )}
                <Form.Item name="occurredOn" label={t('points.occurredOn')} rules={[{ required: true }]}>
                  <DatePicker
                    allowClear={false}
                    format={t('rules.dateFormat')}
                    aria-label={t('points.occurredOn')}
                    disabledDate={(d: Dayjs) => d.format('YYYY-MM-DD') > today}
                  />
                </Form.Item>
              </Flex>
              <Form.Item name="note" label={t('points.note')} rules={[{ max: 200 }]}>
                <Input maxLength={200} placeholder={t('points.notePlaceholder')} />
              </Form.Item>
              <Form.Item name="evidence" label={t('photos.evidence')} extra={t('photos.evidenceHint')}>
                <PhotoUpload
                  key={entry}
                  villageId={villageId}
                  purpose="evidence"
                  max={3}
                  onUploadingChange={setPhotosUploading}
                />
              </Form.Item>
              <EstimateCard estimate={estimate} testId="record-preview" />
              {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
              <Button
                type="primary"
                htmlType="submit"
                icon={<SendOutlined />}
                loading={submitting}
                disabled={!active.data || photosUploading}
              >
                {photosUploading ? t('photos.uploading') : t('points.submit')}
              </Button>
            </Form>
          </Card>
        </Col>
        <Col xs={24} xl={9}>
          <Card title={t('points.recent')} size="small">
            <Table<PointRecord>
              rowKey="id"
              size="small"
              pagination={false}
              dataSource={recent}
              locale={{ emptyText: t('points.recentEmpty') }}
              columns={[
                {
                  title: t('points.household'),
                  key: 'household',
                  render: (_, r) => `${r.householdNumber} ${r.headName}`,
                },
                { title: t('points.rule'), key: 'rule', render: (_, r) => r.rule.name },
                { title: t('points.estimate'), dataIndex: 'estimate', align: 'right' },
                {
                  title: t('photos.column'),
                  key: 'evidence',
                  render: (_, r) => <PhotoThumbs urls={r.evidenceUrls} size={28} />,
                },
                {
                  title: t('points.statusCol'),
                  key: 'status',
                  render: (_, r) => <RecordStatusTag status={r.status} />,
                },
              ]}
            />
          </Card>
        </Col>
      </Row>
      {importing && program && (
        <RecordImportModal
          villageId={villageId}
          program={program}
          rules={rules}
          onClose={() => setImporting(false)}
          onImported={(text) => {
            setImporting(false);
            void message.success(text);
          }}
        />
      )}
    </>
  );
}
