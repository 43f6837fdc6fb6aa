import { PlusOutlined, UserAddOutlined } from '@ant-design/icons';
import { App, Button, Card, Table, Typography } from 'antd';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadError } from '../../components/LoadError';
import { allPages, api, call, type Schemas } from '../../lib/api';
import { formatDate } from '../../lib/format';
import { useLoad } from '../../lib/use-load';
import { AddUserModal } from '../users/AddUserModal';
import { useAnnounceNewUser } from '../users/NewUserCredentials';
import { CreateCountyModal } from './CreateCountyModal';

type County = Schemas['County'];

/** The platform operator's page: every county tenant, opening a new one, and its first admin. */
export function CountiesPage() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const announce = useAnnounceNewUser();
  const [creating, setCreating] = useState(false);
  const [adminFor, setAdminFor] = useState<County>();
  const counties = useLoad(
    useCallback(
      () => allPages((cursor) => call(api().GET('/api/counties', { params: { query: { cursor } } }))),
      [],
    ),
  );

  return (
    <>
      <Typography.Title level={3}>{t('counties.title')}</Typography.Title>
      <Card
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            {t('counties.create')}
          </Button>
        }
      >
        {counties.error ? (
          <LoadError error={counties.error} onRetry={counties.reload} />
        ) : (
          <Table<County>
            scroll={{ x: 'max-content' }}
            rowKey="id"
            loading={counties.loading}
            dataSource={counties.data ?? []}
            pagination={false}
            locale={{ emptyText: t('counties.empty') }}
            columns={[
              { title: t('counties.name'), dataIndex: 'name' },
              { title: t('counties.province'), dataIndex: 'province' },
              {
                title: t('counties.divisionCode'),
                dataIndex: 'divisionCode',
                render: (_, c) => c.divisionCode ?? t('common.none'),
              },
              {
                title: t('common.createdAt'),
                dataIndex: 'createdAt',
                render: (_, c) => formatDate(c.createdAt, i18n.language),
              },
              {
                title: t('common.actions'),
                key: 'actions',
                render: (_, c) => (
                  <Button size="small" icon={<UserAddOutlined />} onClick={() => setAdminFor(c)}>
                    {t('counties.addAdmin')}
                  </Button>
                ),
              },
            ]}
          />
        )}
      </Card>
      {creating && (
        <CreateCountyModal
          onClose={() => setCreating(false)}
          onCreated={(county) => {
            setCreating(false);
            void message.success(t('counties.created', { name: county.name }));
            counties.reload();
          }}
        />
      )}
      {adminFor && (
        <AddUserModal
          title={t('counties.addAdminTo', { county: adminFor.name })}
          roles={['county_admin']}
          send={(body, key) =>
            call(
              api().POST('/api/counties/{countyId}/users', {
                params: { path: { countyId: adminFor.id }, header: { 'idempotency-key': key } },
                body,
              }),
            )
          }
          onAdded={(user) => {
            setAdminFor(undefined);
            announce(user, t('counties.adminAdded', { name: user.name }));
          }}
          onClose={() => setAdminFor(undefined)}
        />
      )}
    </>
  );
}
