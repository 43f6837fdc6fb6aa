import { CheckOutlined } from '@ant-design/icons';
import { Alert, App, Button, Flex, Space, Table, Typography, theme } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useCallback, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { LoadError } from '../../app/LoadError';
import { newIdempotencyKey } from '../../lib/api';
import { errorText } from '../../lib/errors';
import { formatDateTime, formatDay } from '../../lib/format';
import { localizeMessage } from '../../lib/i18n';
import { useLoad } from '../../lib/use-load';
import { PhotoThumbs } from '../photos/PhotoThumbs';
import { RejectModal, ReverseModal } from './DecisionModals';
import { objectionColumn, StaffObjectionButton } from './objections';
import { approveRecord, listRecords, type PointRecord, type RecordStatus } from './points-api';
import { RecordDetail } from './RecordDetail';
import { SelfDeclaredTag } from './SelfDeclaredTag';

type Failure = { record: PointRecord; message: string };
type BatchResult = { ok: number; failures: Failure[] };

/** One status tab of 审核: the records, paged, with approve, reject, reverse and objections where allowed. */
export function RecordList(props: {
  villageId: string;
  status: RecordStatus;
  decides: boolean;
  programName: (id: string) => string;
  /** Only the records this user entered (filtered here: the API lists the whole village's). */
  recordedBy?: string;
  /** Village staff may log an objection phoned in for a posted record. */
  logsObjections: boolean;
}) {
  const { villageId, status, decides } = props;
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const { token } = theme.useToken();
  const lng = i18n.language;
  // Further pages, for the first page they follow: a reload starts the list again.
  const [further, setFurther] = useState<{ after: unknown; items: PointRecord[]; nextCursor?: string }>();
  const [loadingMore, setLoadingMore] = useState(false);
  const [selection, setSelected] = useState<string[]>([]);
  const [busy, setBusy] = useState<string[]>([]);
  const [batch, setBatch] = useState<BatchResult>();
  const [rejecting, setRejecting] = useState<PointRecord>();
  const [reversing, setReversing] = useState<PointRecord>();
  // One Idempotency-Key per approval: a retry after a lost answer reuses it, success drops it.
  const keys = useRef(new Map<string, string>());
  const keyFor = (id: string) => {
    const key = keys.current.get(id) ?? newIdempotencyKey();
    keys.current.set(id, key);
    return key;
  };

  const first = useLoad(useCallback(() => listRecords(villageId, status), [villageId, status]));
  const more = further?.after === first.data ? further : undefined;
  const items = [...(first.data?.items ?? []), ...(more?.items ?? [])].filter(
    (r) => !props.recordedBy || r.recordedBy === props.recordedBy,
  );
  // Only records still in the list count as selected.
  const selected = selection.filter((id) => items.some((r) => r.id === id));
  const nextCursor = more ? more.nextCursor : first.data?.nextCursor;

  async function loadMore() {
    if (!nextCursor) return;
    setLoadingMore(true);
    try {
      const page = await listRecords(villageId, status, nextCursor);
      setFurther({
        after: first.data,
        items: [...(more?.items ?? []), ...page.items],
        nextCursor: page.nextCursor,
      });
    } catch (error) {
      void message.error(errorText(error, t, lng));
    } finally {
      setLoadingMore(false);
    }
  }

  async function approve(record: PointRecord): Promise<string | undefined> {
    try {
      await approveRecord({ villageId, recordId: record.id, idempotencyKey: keyFor(record.id) });
      keys.current.delete(record.id);
      return undefined;
    } catch (error) {
      return errorText(error, t, lng);
    }
  }

  async function approveOne(record: PointRecord) {
    setBusy((b) => [...b, record.id]);
    const failed = await approve(record);
    setBusy((b) => b.filter((id) => id !== record.id));
    if (failed) void message.error(failed);
    else void message.success(t('points.approved'));
    first.reload();
  }

  /** Each selected record on its own, with its own key: one refusal does not stop the others. */
  async function approveSelected() {
    const chosen = items.filter((r) => selected.includes(r.id));
    setBusy(chosen.map((r) => r.id));
    setBatch(undefined);
    const result: BatchResult = { ok: 0, failures: [] };
    for (const record of chosen) {
      const failed = await approve(record);
      if (failed) result.failures.push({ record, message: failed });
      else result.ok += 1;
    }
    setBusy([]);
    setSelected([]);
    setBatch(result);
    first.reload();
  }

  const done = (text: string) => {
    setRejecting(undefined);
    setReversing(undefined);
    void message.success(text);
    first.reload();
  };

  const columns: ColumnsType<PointRecord> = [
    {
      title: t('points.household'),
      key: 'household',
      render: (_, r) => (
        <Space size={4}>
          <Link to={`/villages/${villageId}/households/${r.householdId}`}>
            {r.householdNumber} {r.headName}
          </Link>
          {/* First column, so a villager's own declaration is seen before deciding. */}
          {r.selfDeclared && <SelfDeclaredTag by={r.recordedByName} />}
        </Space>
      ),
    },
    { title: t('points.program'), key: 'program', render: (_, r) => props.programName(r.programId) },
    {
      title: t('points.rule'),
      key: 'rule',
      render: (_, r) => (
        <span>
          {r.rule.name}{' '}
          <Typography.Text type="secondary">
            {t('households.versionN', { version: r.ruleVersion })}
          </Typography.Text>
        </span>
      ),
    },
    {
      title: t('points.quantity'),
      key: 'quantity',
      render: (_, r) =>
        r.quantity !== undefined && r.rule.shape.kind === 'perUnit'
          ? `${r.quantity} ${r.rule.shape.unit}`
          : t('common.none'),
    },
    { title: t('points.occurredOn'), dataIndex: 'occurredOn', render: (d: string) => formatDay(d, lng) },
    {
      title: t('photos.column'),
      key: 'evidence',
      render: (_, r) => <PhotoThumbs urls={r.evidenceUrls} />,
    },
    {
      title: status === 'pending' ? t('points.estimate') : t('points.pointsCol'),
      key: 'points',
      align: 'right',
      render: (_, r) => {
        const p = r.points ?? r.estimate;
        return (
          <Typography.Text strong style={{ color: p < 0 ? token.colorError : undefined }}>
            {p}
          </Typography.Text>
        );
      },
    },
    {
      title: t('households.explanation'),
      key: 'explanation',
      render: (_, r) => (lng === 'en' ? r.explanation.en : r.explanation.zh),
    },
    { title: t('points.recordedBy'), dataIndex: 'recordedByName' },
    { title: t('points.createdAt'), dataIndex: 'createdAt', render: (at: string) => formatDateTime(at) },
  ];
  // Right after the household, so a record back from the notice board stands out before deciding.
  if (status === 'pending' && items.some((r) => r.objections?.length))
    columns.splice(1, 0, objectionColumn(t));
  if (status === 'posted') {
    columns.push({
      title: t('points.postedUntil'),
      dataIndex: 'postedUntil',
      render: (at?: string) => formatDateTime(at),
    });
    if (props.logsObjections)
      columns.push({
        title: t('common.actions'),
        key: 'object',
        render: (_, r) => <StaffObjectionButton villageId={villageId} record={r} onDone={first.reload} />,
      });
  }
  if (status === 'effective') {
    columns.push({
      title: t('points.effectiveAt'),
      dataIndex: 'effectiveAt',
      render: (at?: string) => formatDateTime(at),
    });
  }
  if (status !== 'pending') {
    columns.push({
      title: t('points.decidedBy'),
      dataIndex: 'decidedBy',
      render: (b?: string) => (b ? localizeMessage(b, lng) : t('common.none')),
    });
  }
  if (status === 'rejected' || status === 'reversed') {
    columns.push({
      title: t('points.reason'),
      dataIndex: 'reason',
      render: (r?: string) => r || t('common.none'),
    });
  }
  if (decides && (status === 'pending' || status === 'effective')) {
    columns.push({
      title: t('common.actions'),
      key: 'actions',
      fixed: 'right',
      render: (_, r) =>
        status === 'pending' ? (
          <Space>
            <Button
              size="small"
              type="primary"
              ghost
              loading={busy.includes(r.id)}
              onClick={() => void approveOne(r)}
            >
              {t('points.approve')}
            </Button>
            <Button size="small" danger disabled={busy.includes(r.id)} onClick={() => setRejecting(r)}>
              {t('points.reject')}
            </Button>
          </Space>
        ) : (
          <Button size="small" danger onClick={() => setReversing(r)}>
            {t('points.reverse')}
          </Button>
        ),
    });
  }

  if (first.error) return <LoadError error={first.error} onRetry={first.reload} />;
  const selecting = decides && status === 'pending';

  return (
    <>
      {batch && (
        <Alert
          type={batch.failures.length ? 'warning' : 'success'}
          showIcon
          closable={{ onClose: () => setBatch(undefined) }}
          style={{ marginBottom: 16 }}
          data-testid="batch-result"
          title={
            batch.failures.length
              ? t('points.batchDone', { ok: batch.ok, failed: batch.failures.length })
              : t('points.batchAllDone', { ok: batch.ok })
          }
          description={
            batch.failures.length > 0 && (
              <>
                {t('points.batchFailures')}
                <ul style={{ margin: '4px 0 0', paddingInlineStart: 20 }}>
                  {batch.failures.map((f) => (
                    <li key={f.record.id}>
                      {f.record.householdNumber} {f.record.headName} · {f.record.rule.name}：{f.message}
                    </li>
                  ))}
                </ul>
              </>
            )
          }
        />
      )}
      {selecting && (
        <Flex gap={8} style={{ marginBottom: 12 }}>
          <Button
            type="primary"
            icon={<CheckOutlined />}
            disabled={selected.length === 0}
            loading={busy.length > 0 && selected.length > 0}
            onClick={() => void approveSelected()}
          >
            {t('points.approveSelected', { count: selected.length })}
          </Button>
        </Flex>
      )}
      <Table<PointRecord>
        rowKey="id"
        scroll={{ x: 'max-content' }}
        loading={first.loading}
        dataSource={items}
        pagination={false}
        columns={columns}
        locale={{ emptyText: t('points.empty') }}
        expandable={{
          rowExpandable: (r) => Boolean(r.note || r.evidenceUrls?.length),
          expandedRowRender: (r) => <RecordDetail record={r} />,
        }}
        rowSelection={
          selecting
            ? {
                selectedRowKeys: selected,
                onChange: (keys) => setSelected(keys.map(String)),
              }
            : undefined
        }
      />
      {nextCursor && (
        <Flex justify="center" style={{ marginTop: 16 }}>
          <Button loading={loadingMore} onClick={() => void loadMore()}>
            {t('common.loadMore')}
          </Button>
        </Flex>
      )}
      {rejecting && (
        <RejectModal
          villageId={villageId}
          record={rejecting}
          onClose={() => setRejecting(undefined)}
          onDone={() => done(t('points.rejected'))}
        />
      )}
      {reversing && (
        <ReverseModal
          villageId={villageId}
          record={reversing}
          onClose={() => setReversing(undefined)}
          onDone={() => done(t('points.reversed'))}
        />
      )}
    </>
  );
}
