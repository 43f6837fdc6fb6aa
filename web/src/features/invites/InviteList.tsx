import { Button, Card, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { LoadError } from '../../components/LoadError';
import type { Schemas } from '../../lib/api';
import { formatDate, formatDateTime } from '../../lib/format';
import type { Township, Village } from '../county/county-data';
import { InviteStatusTag } from './InviteStatusTag';
import { onboardingLink } from './invite-link';
import type { InvitesState } from './use-invites';

type Invite = Schemas['Invite'];

export function InviteList(props: { invites: InvitesState; townships: Township[]; villages: Village[] }) {
  const { t, i18n } = useTranslation();
  const { invites } = props;
  const townshipName = new Map(props.townships.map((tw) => [tw.id, tw.name]));
  const village = new Map(props.villages.map((v) => [v.id, v]));
  const copyTooltips = [t('invites.copyLink'), t('invites.copied')];

  if (invites.error) return <LoadError error={invites.error} onRetry={invites.reload} />;
  return (
    <Card title={t('invites.list')}>
      <Table<Invite>
        scroll={{ x: 'max-content' }}
        rowKey="code"
        size="middle"
        loading={invites.loading}
        dataSource={invites.items}
        pagination={false}
        columns={[
          {
            title: t('invites.code'),
            dataIndex: 'code',
            render: (_, i) => (
              <Typography.Text className="xjf-code" copyable>
                {i.code}
              </Typography.Text>
            ),
          },
          {
            title: t('invites.township'),
            dataIndex: 'townshipId',
            render: (_, i) => townshipName.get(i.townshipId) ?? t('common.none'),
          },
          {
            title: t('invites.status'),
            dataIndex: 'status',
            render: (_, i) => <InviteStatusTag status={i.status} />,
          },
          {
            title: t('invites.expiresAt'),
            dataIndex: 'expiresAt',
            render: (_, i) => formatDateTime(i.expiresAt),
          },
          {
            title: t('invites.village'),
            dataIndex: 'villageId',
            render: (_, i) => {
              const v = i.villageId ? village.get(i.villageId) : undefined;
              return v ? <Link to={`/villages/${v.id}`}>{v.name}</Link> : t('common.none');
            },
          },
          { title: t('invites.note'), dataIndex: 'note', render: (_, i) => i.note ?? t('common.none') },
          {
            title: t('common.createdAt'),
            dataIndex: 'createdAt',
            render: (_, i) => formatDate(i.createdAt, i18n.language),
          },
          {
            title: t('invites.link'),
            key: 'link',
            render: (_, i) =>
              i.status === 'active' ? (
                <Typography.Text copyable={{ text: onboardingLink(i.code), tooltips: copyTooltips }}>
                  {t('invites.copyLink')}
                </Typography.Text>
              ) : (
                t('common.none')
              ),
          },
        ]}
      />
      {invites.hasMore && (
        <div style={{ textAlign: 'center', marginTop: 16 }}>
          <Button loading={invites.loadingMore} onClick={() => void invites.loadMore()}>
            {t('common.loadMore')}
          </Button>
        </div>
      )}
    </Card>
  );
}
