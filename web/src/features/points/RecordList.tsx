import { App, Button, Flex, Grid, Space, Table, Typography, theme } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { type ReactNode, useCallback, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { LoadError } from '../../components/LoadError';
import { newIdempotencyKey } from '../../lib/api';
import { errorText } from '../../lib/errors';
import { formatDateTime, formatDay } from '../../lib/format';
import { localizeMessage } from '../../lib/i18n';
import { useLoad } from '../../lib/use-load';
import { allHouseholds } from '../households/households-api';
import { PhotoThumbs } from '../photos/PhotoThumbs';
import { BulkDecisions } from './BulkDecisions';
import { RejectModal, ReverseModal } from './DecisionModals';
import { objectionColumn, StaffObjectionButton } from './objections';
import {
  allRecords,
  approveRecord,
  listRecords,
  type PointRecord,
  QUEUE_LIMIT,
  type RecordedEntry,
  type RecordStatus,
  recordedInMonth,
} from './points-api';
import {
  applyQueueFilter,
  byHousehold,
  DuplicateTag,
  duplicatesOf,
  type QueueFilter,
  QueueFilterBar,
} from './QueueFilters';
import { blockOf, type Decider, PhoneRecordCell, WhoApproves } from './QueueParts';
import { RecordDetail } from './RecordDetail';
import { SelfDeclaredTag } from './SelfDeclaredTag';

const QUEUE_PAGE = 100;

/** One status tab of 审核: the records, paged, with approve, reject, reverse and objections where allowed. */
export function RecordList(props: {
  villageId: string;
  status: RecordStatus;
  /** Approve and reject (the village admin; the township reviewer when the village asked). */
  decides: boolean;
  /** 冲正 effective records: the village admin only. */
  reverses: boolean;
  /** Who is deciding: rows the API would refuse them get a note instead of buttons. */
  decider: Decider;
  /** Household names link to the household page (not for the township reviewer, who may not open it). */
  linksHouseholds: boolean;
  programName: (id: string) => string;
  /** Only the records this user entered (filtered here: the API lists the whole village's). */
  recordedBy?: string;
  /** Village staff may log an objection phoned in for a posted record. */
  logsObjections: boolean;
}) {
  const { villageId, status, decides, decider } = props;
  const phone = !Grid.useBreakpoint().sm;
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const { token } = theme.useToken();
  const lng = i18n.language;
  // Further pages, for the first page they follow: a reload starts the list again.
  const [further, setFurther] = useState<{ after: unknown; items: PointRecord[]; nextCursor?: string }>();
  const [loadingMore, setLoadingMore] = useState(false);
  const [selection, setSelected] = useState<string[]>([]);
  const [busy, setBusy] = useState<string[]>([]);
  const [rejecting, setRejecting] = useState<PointRecord>();
  const [reversing, setReversing] = useState<PointRecord>();
  // One Idempotency-Key per approval: a retry after a lost answer reuses it, success drops it.
  const keys = useRef(new Map<string, string>());
  const keyFor = (id: string) => {
    const key = keys.current.get(id) ?? newIdempotencyKey();
    keys.current.set(id, key);
    return key;
  };

  const [filter, setFilter] = useState<QueueFilter>({});
  // The pending queue is read whole, so it sorts by 户号 and filters here; history pages on.
  const first = useLoad(
    useCallback(async (): Promise<{ items: PointRecord[]; nextCursor?: string; truncated?: boolean }> => {
      if (status !== 'pending') return listRecords(villageId, status);
      const all = await allRecords(villageId, status);
      return { items: byHousehold(all.items), truncated: all.truncated };
    }, [villageId, status]),
  );
  const more = further?.after === first.data ? further : undefined;
  const loaded = useMemo(
    () =>
      [...(first.data?.items ?? []), ...(more?.items ?? [])].filter(
        (r) => !props.recordedBy || r.recordedBy === props.recordedBy,
      ),
    [first.data, more, props.recordedBy],
  );
  // 村民小组 comes from the roster (not for the township reviewer, who does not read it).
  const households = useLoad(
    useCallback(
      () =>
        props.linksHouseholds ? allHouseholds(villageId).catch(() => undefined) : Promise.resolve(undefined),
      [villageId, props.linksHouseholds],
    ),
  );
  const groupOf = useMemo(() => {
    const groups = new Map((households.data ?? []).map((h) => [h.id, h.group]));
    return (id: string) => groups.get(id);
  }, [households.data]);
  const groups = useMemo(
    () =>
      households.data
        ? [...new Set(households.data.map((h) => h.group))].sort((a, b) => a.localeCompare(b, 'zh-CN'))
        : undefined,
    [households.data],
  );
  // 疑似重复: against the pending queue itself and what its months already hold (posted, effective).
  const pending = status === 'pending' ? first.data?.items : undefined;
  const months = [...new Set((pending ?? []).map((r) => r.occurredOn.slice(0, 7)))]
    .sort()
    .slice(-12)
    .join(',');
  const recorded = useLoad(
    useCallback(async () => {
      if (!months) return [];
      const lists = await Promise.all(months.split(',').map((m) => recordedInMonth(villageId, m)));
      return lists.flatMap((l) => l.items);
    }, [villageId, months]),
  );
  const twins = useMemo(
    () =>
      pending ? duplicatesOf(pending, recorded.data ?? []) : new Map<string, PointRecord | RecordedEntry>(),
    [pending, recorded.data],
  );
  const items = applyQueueFilter(loaded, filter, groupOf);
  const duplicateTag = (r: PointRecord) => {
    const twin = twins.get(r.id);
    return twin ? <DuplicateTag twin={twin} /> : null;
  };
  // Only records still in the list, and that this user may decide, count as selected.
  const selected = selection.filter((id) => items.some((r) => r.id === id && !blockOf(r, decider)));
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

  const done = (text: string) => {
    setRejecting(undefined);
    setReversing(undefined);
    void message.success(text);
    first.reload();
  };

  const householdOf = (r: PointRecord): ReactNode =>
    props.linksHouseholds ? (
      <Link to={`/villages/${villageId}/households/${r.householdId}`}>
        {r.householdNumber} {r.headName}
      </Link>
    ) : (
      `${r.householdNumber} ${r.headName}`
    );
  // Approve and reject, or why not and who can instead.
  const decision = (r: PointRecord) => {
    const block = blockOf(r, decider);
    if (block) return <WhoApproves block={block} decider={decider} />;
    return (
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
    );
  };

  const columns: ColumnsType<PointRecord> = [
    {
      title: t('points.household'),
      key: 'household',
      render: (_, r) => (
        <Space size={4} wrap>
          {householdOf(r)}
          {/* First column, so a villager's own declaration is seen before deciding. */}
          {r.selfDeclared && <SelfDeclaredTag by={r.recordedByName} />}
          {duplicateTag(r)}
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
  const objected = status === 'pending' && items.some((r) => r.objections?.length);
  if (objected) columns.splice(1, 0, objectionColumn(t));
  // What each tab adds after the record itself.
  const extras: ColumnsType<PointRecord> = [];
  if (status === 'posted') {
    extras.push({
      title: t('points.postedUntil'),
      dataIndex: 'postedUntil',
      render: (at?: string) => formatDateTime(at),
    });
    if (props.logsObjections)
      extras.push({
        title: t('common.actions'),
        key: 'object',
        render: (_, r) => <StaffObjectionButton villageId={villageId} record={r} onDone={first.reload} />,
      });
  }
  if (status === 'effective') {
    extras.push({
      title: t('points.effectiveAt'),
      dataIndex: 'effectiveAt',
      render: (at?: string) => formatDateTime(at),
    });
  }
  if (status !== 'pending') {
    extras.push({
      title: t('points.decidedBy'),
      dataIndex: 'decidedBy',
      render: (b?: string) => (b ? localizeMessage(b, lng) : t('common.none')),
    });
  }
  if (status === 'rejected' || status === 'reversed') {
    extras.push({
      title: t('points.reason'),
      dataIndex: 'reason',
      render: (r?: string) => r || t('common.none'),
    });
  }
  const actionOf = (r: PointRecord): ReactNode => {
    if (status === 'pending') return decides ? decision(r) : null;
    if (status === 'effective' && props.reverses)
      return (
        <Button size="small" danger onClick={() => setReversing(r)}>
          {t('points.reverse')}
        </Button>
      );
    return null;
  };
  const acts = (decides && status === 'pending') || (props.reverses && status === 'effective');
  columns.push(...extras);
  if (acts) {
    columns.push({
      title: t('common.actions'),
      key: 'actions',
      fixed: 'right',
      render: (_, r) => actionOf(r),
    });
  }
  // On a phone: one cell per record, so rule, points and recorder never hide off to the right.
  const phoneColumns: ColumnsType<PointRecord> = [
    {
      title: t('points.household'),
      key: 'record',
      render: (_, r) => (
        <PhoneRecordCell
          record={r}
          household={
            <>
              {householdOf(r)}
              {twins.has(r.id) && ' '}
              {duplicateTag(r)}
            </>
          }
          actions={actionOf(r)}
        />
      ),
    },
    ...(objected ? [objectionColumn(t)] : []),
    ...extras,
  ];

  if (first.error) return <LoadError error={first.error} onRetry={first.reload} />;
  // Only when some record here is this user's to decide: no checkbox the API would refuse.
  const selecting = decides && status === 'pending' && items.some((r) => !blockOf(r, decider));

  return (
    <>
      <QueueFilterBar
        items={loaded}
        shown={items.length}
        filter={filter}
        onChange={setFilter}
        groups={groups}
        programName={props.programName}
      />
      {first.data?.truncated && (
        <Typography.Paragraph type="warning">
          {t('review.truncated', { count: QUEUE_LIMIT })}
        </Typography.Paragraph>
      )}
      {decides && status === 'pending' && (
        <BulkDecisions
          selectable={selecting}
          villageId={villageId}
          duplicates={twins.size > 0}
          selected={items.filter((r) => selected.includes(r.id))}
          isDuplicate={(r) => twins.has(r.id)}
          onDone={() => {
            setSelected([]);
            first.reload();
          }}
        />
      )}
      <Table<PointRecord>
        rowKey="id"
        // A phone's pending queue fits the screen; the other tabs' extra columns scroll sideways.
        scroll={phone && phoneColumns.length === 1 ? undefined : { x: 'max-content' }}
        size={phone ? 'small' : undefined}
        loading={first.loading}
        dataSource={items}
        // The pending queue is read whole: it pages here, a hundred rows at a time, to stay quick.
        pagination={
          status === 'pending' && items.length > QUEUE_PAGE
            ? { pageSize: QUEUE_PAGE, showSizeChanger: false }
            : false
        }
        columns={phone ? phoneColumns : columns}
        locale={{ emptyText: t('points.empty') }}
        expandable={
          phone
            ? undefined
            : {
                rowExpandable: (r) => Boolean(r.note || r.evidenceUrls?.length),
                expandedRowRender: (r) => <RecordDetail record={r} />,
              }
        }
        rowSelection={
          selecting
            ? {
                selectedRowKeys: selected,
                // Select-all leaves out likely duplicates: each is ticked on purpose, after a look.
                // Select-all again (nothing more to add) clears the selection.
                onChange: (keys, _rows, info) => {
                  const ids = keys.map(String);
                  if (info.type !== 'all') return setSelected(ids);
                  const next = ids.filter((id) => !twins.has(id) || selected.includes(id));
                  const same = next.length === selected.length && next.every((id) => selected.includes(id));
                  setSelected(same ? [] : next);
                },
                // The API would refuse these: they are left out of a bulk decision.
                getCheckboxProps: (r) => ({ disabled: Boolean(blockOf(r, decider)) }),
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
