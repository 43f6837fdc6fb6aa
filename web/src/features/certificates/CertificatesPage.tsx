import { Alert, Button, Card, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { errorText } from '../../lib/errors';
import { formatDateTime, formatDay } from '../../lib/format';
import { useLoad } from '../../lib/use-load';
import { type Certificate, listCertificates } from './certificates-api';

/** `/partner/certificates`: what this bank has issued, newest first, each to open and print again. */
export function CertificatesPage() {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const first = useLoad(useCallback(() => listCertificates(), []));
  const [more, setMore] = useState<{ items: Certificate[]; nextCursor?: string }>();
  const [moreError, setMoreError] = useState<string>();
  const items = [...(first.data?.items ?? []), ...(more?.items ?? [])];
  const nextCursor = more ? more.nextCursor : first.data?.nextCursor;

  async function loadMore() {
    if (!nextCursor) return;
    try {
      const page = await listCertificates(nextCursor);
      setMore({ items: [...(more?.items ?? []), ...page.items], nextCursor: page.nextCursor });
    } catch (error) {
      setMoreError(errorText(error, t, lng));
    }
  }

  const columns: ColumnsType<Certificate> = [
    {
      title: t('certificates.issuedAt'),
      dataIndex: 'issuedAt',
      render: (at: string) => formatDateTime(at),
      width: 150,
    },
    {
      title: t('certificates.household'),
      key: 'household',
      render: (_, c) => `${c.household.name}（${c.household.village} · ${c.household.number}）`,
    },
    { title: t('certificates.program'), key: 'program', render: (_, c) => c.program.name },
    { title: t('certificates.score'), dataIndex: 'score', align: 'right' },
    {
      title: t('certificates.tier'),
      key: 'tier',
      render: (_, c) => c.tier?.label ?? t('certificates.noTier'),
    },
    { title: t('certificates.asOf'), dataIndex: 'asOf', render: (d: string) => formatDay(d, lng) },
    { title: t('certificates.issuedBy'), key: 'by', render: (_, c) => c.issuedBy.name },
    {
      title: t('certificates.number'),
      dataIndex: 'id',
      render: (id: string) => <Link to={`/partner/certificates/${id}`}>{t('certificates.open')}</Link>,
    },
  ];

  return (
    <>
      <Typography.Title level={3}>{t('certificates.listTitle')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('certificates.listIntro')}</Typography.Paragraph>
      <Card>
        {first.error ? (
          <Alert type="error" showIcon title={errorText(first.error, t, lng)} />
        ) : (
          <Table
            rowKey="id"
            size="middle"
            loading={first.loading}
            columns={columns}
            dataSource={items}
            pagination={false}
            scroll={{ x: true }}
            data-testid="certificate-list"
          />
        )}
        {moreError && <Alert type="error" showIcon title={moreError} style={{ marginTop: 12 }} />}
        {nextCursor && (
          <Button style={{ marginTop: 12 }} onClick={loadMore}>
            {t('certificates.more')}
          </Button>
        )}
      </Card>
    </>
  );
}
