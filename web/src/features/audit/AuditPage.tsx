import { Button, Card, DatePicker, Flex, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { Dayjs } from 'dayjs';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { LoadError } from '../../components/LoadError';
import { api, call } from '../../lib/api';
import { errorText } from '../../lib/errors';
import { formatDateTime } from '../../lib/format';
import { useLoad } from '../../lib/use-load';
import { useMe } from '../auth/session';
import { VillageCrumbs } from '../households/VillageCrumbs';
import { type AuditEntry, listAudit } from './audit-api';
import { auditActor, auditNote } from './audit-text';

const actionColor: Record<AuditEntry['action'], string> = {
  create: 'blue',
  approve: 'green',
  reject: 'orange',
  object: 'red',
  reverse: 'magenta',
  import: 'cyan',
  consent: 'geekblue',
  consent_withdraw: 'volcano',
  partner_lookup: 'purple',
  certificate_issue: 'gold',
  sign_in: 'default',
  sign_in_failed: 'orange',
  account_locked: 'red',
  password_change: 'lime',
  password_reset: 'lime',
  totp_enrol: 'lime',
  refresh_reuse: 'red',
  sign_out: 'default',
};

/** 审计日志: who did what to the village's points and when, newest first; read-only for everyone. */
export function AuditPage() {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const lng = i18n.language;
  const villageId = useParams().villageId ?? '';
  const [range, setRange] = useState<{ from?: string; to?: string }>({});
  const [further, setFurther] = useState<{ after: unknown; items: AuditEntry[]; nextCursor?: string }>();
  const [moreError, setMoreError] = useState<string>();
  const village = useLoad(
    useCallback(
      () => call(api().GET('/api/villages/{villageId}', { params: { path: { villageId } } })),
      [villageId],
    ),
  );
  const first = useLoad(useCallback(() => listAudit(villageId, range), [villageId, range]));
  const more = further?.after === first.data ? further : undefined;
  const items = [...(first.data?.items ?? []), ...(more?.items ?? [])];
  const nextCursor = more ? more.nextCursor : first.data?.nextCursor;
  const villageName = village.data?.name ?? me.villageName ?? '';

  async function loadMore() {
    if (!nextCursor) return;
    try {
      const page = await listAudit(villageId, { ...range, cursor: nextCursor });
      setFurther({
        after: first.data,
        items: [...(more?.items ?? []), ...page.items],
        nextCursor: page.nextCursor,
      });
    } catch (error) {
      setMoreError(errorText(error, t, lng));
    }
  }

  const columns: ColumnsType<AuditEntry> = [
    { title: t('audit.at'), dataIndex: 'at', render: (at: string) => formatDateTime(at), width: 150 },
    {
      title: t('audit.action'),
      dataIndex: 'action',
      render: (a: AuditEntry['action']) => <Tag color={actionColor[a]}>{t(`audit.actions.${a}`)}</Tag>,
    },
    { title: t('audit.by'), dataIndex: 'byName', render: (name: string) => auditActor(name, lng) },
    {
      title: t('audit.household'),
      dataIndex: 'householdNumber',
      render: (n?: string) => n ?? t('common.none'),
    },
    { title: t('audit.rule'), dataIndex: 'ruleName', render: (n?: string) => n ?? t('common.none') },
    {
      title: t('audit.points'),
      dataIndex: 'points',
      align: 'right',
      render: (p?: number) => p ?? t('common.none'),
    },
    {
      title: t('audit.reason'),
      key: 'reason',
      // Notes wrap instead of being cut off: on a phone the table scrolls, a note should not.
      render: (_, e) => (
        <div style={{ minWidth: 160, maxWidth: 280, whiteSpace: 'normal', wordBreak: 'break-word' }}>
          {auditNote(e, t, lng) || t('common.none')}
        </div>
      ),
    },
    {
      title: t('audit.record'),
      dataIndex: 'recordId',
      render: (id?: string) => (id ? <Typography.Text code>{id}</Typography.Text> : t('common.none')),
    },
  ];

  return (
    <>
      <VillageCrumbs villageId={villageId} villageName={villageName} trail={[t('audit.title')]} />
      <Typography.Title level={3}>
        {villageName ? `${villageName} · ${t('audit.title')}` : t('audit.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('audit.intro')}</Typography.Paragraph>
      <Card>
        <Flex gap={8} align="center" style={{ marginBottom: 16 }}>
          <Typography.Text>{t('audit.range')}</Typography.Text>
          <DatePicker.RangePicker
            allowEmpty={[true, true]}
            onChange={(dates: [Dayjs | null, Dayjs | null] | null) =>
              setRange({
                from: dates?.[0]?.format('YYYY-MM-DD'),
                to: dates?.[1]?.format('YYYY-MM-DD'),
              })
            }
          />
        </Flex>
        {first.error ? (
          <LoadError error={first.error} onRetry={first.reload} />
        ) : (
          <Table<AuditEntry>
            rowKey="id"
            size="middle"
            scroll={{ x: 'max-content' }}
            loading={first.loading}
            dataSource={items}
            columns={columns}
            pagination={false}
            locale={{ emptyText: t('audit.empty') }}
          />
        )}
        {moreError && <Typography.Text type="danger">{moreError}</Typography.Text>}
        {nextCursor && (
          <Flex justify="center" style={{ marginTop: 16 }}>
            <Button onClick={() => void loadMore()}>{t('common.loadMore')}</Button>
          </Flex>
        )}
      </Card>
    </>
  );
}
