import { UserAddOutlined } from '@ant-design/icons';
import { Button, Card } from 'antd';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadError } from '../../components/LoadError';
import { allPages, api, call } from '../../lib/api';
import { useLoad } from '../../lib/use-load';
import { useMe } from '../auth/session';
import { AddUserModal } from '../users/AddUserModal';
import { useAnnounceNewUser } from '../users/NewUserCredentials';
import { UserTable } from '../users/UserTable';
import { UserHousehold } from './UserHousehold';

// Recorder first: the role a village admin adds most often.
const villageRoles = ['recorder', 'store_clerk', 'village_admin', 'villager'] as const;

export function VillageUsers({ villageId }: { villageId: string }) {
  const { t } = useTranslation();
  const announce = useAnnounceNewUser();
  const [adding, setAdding] = useState(false);
  const links = useMe().role === 'village_admin';
  const users = useLoad(
    useCallback(
      () =>
        allPages((cursor) =>
          call(
            api().GET('/api/villages/{villageId}/users', {
              params: { path: { villageId }, query: { cursor } },
            }),
          ),
        ),
      [villageId],
    ),
  );

  return (
    <Card
      title={t('village.users')}
      extra={
        <Button type="primary" icon={<UserAddOutlined />} onClick={() => setAdding(true)}>
          {t('village.addUser')}
        </Button>
      }
    >
      {users.error ? (
        <LoadError error={users.error} onRetry={users.reload} />
      ) : (
        <UserTable
          users={users.data ?? []}
          loading={users.loading}
          household={links ? (u) => <UserHousehold villageId={villageId} user={u} /> : undefined}
          resetPassword={(user, key) =>
            call(
              api().POST('/api/villages/{villageId}/users/{userId}/password-reset', {
                params: { path: { villageId, userId: user.id }, header: { 'idempotency-key': key } },
              }),
            )
          }
        />
      )}
      {adding && (
        <AddUserModal
          title={t('village.addUser')}
          roles={villageRoles}
          villageId={villageId}
          send={(body, key) =>
            call(
              api().POST('/api/villages/{villageId}/users', {
                params: { path: { villageId }, header: { 'idempotency-key': key } },
                body,
              }),
            )
          }
          onAdded={(user) => {
            setAdding(false);
            announce(user, t('village.userAdded', { name: user.name }));
            users.reload();
          }}
          onClose={() => setAdding(false)}
        />
      )}
    </Card>
  );
}
