import { UserAddOutlined } from '@ant-design/icons';
import { Button, Card, Typography } from 'antd';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadError } from '../../components/LoadError';
import { allPages, api, call } from '../../lib/api';
import { useLoad } from '../../lib/use-load';
import { useMe } from '../auth/session';
import { AddUserModal } from './AddUserModal';
import { useAnnounceNewUser } from './NewUserCredentials';
import { UserTable } from './UserTable';

// Partner users are added on the partners page, where their partner is chosen.
const countyRoles = ['county_admin', 'county_official', 'township_reviewer'] as const;

export function CountyUsersPage() {
  const { t } = useTranslation();
  const announce = useAnnounceNewUser();
  const countyId = useMe().countyId ?? '';
  const [adding, setAdding] = useState(false);
  const users = useLoad(
    useCallback(
      () =>
        allPages((cursor) =>
          call(
            api().GET('/api/counties/{countyId}/users', {
              params: { path: { countyId }, query: { cursor } },
            }),
          ),
        ),
      [countyId],
    ),
  );

  return (
    <>
      <Typography.Title level={3}>{t('users.title')}</Typography.Title>
      <Card
        extra={
          <Button type="primary" icon={<UserAddOutlined />} onClick={() => setAdding(true)}>
            {t('users.add')}
          </Button>
        }
      >
        {users.error ? (
          <LoadError error={users.error} onRetry={users.reload} />
        ) : (
          <UserTable
            users={users.data ?? []}
            loading={users.loading}
            resetPassword={(user, key) =>
              call(
                api().POST('/api/counties/{countyId}/users/{userId}/password-reset', {
                  params: { path: { countyId, userId: user.id }, header: { 'idempotency-key': key } },
                }),
              )
            }
          />
        )}
      </Card>
      {adding && (
        <AddUserModal
          title={t('users.add')}
          roles={countyRoles}
          countyId={countyId}
          send={(body, key) =>
            call(
              api().POST('/api/counties/{countyId}/users', {
                params: { path: { countyId }, header: { 'idempotency-key': key } },
                body,
              }),
            )
          }
          onAdded={(user) => {
            setAdding(false);
            announce(user);
            users.reload();
          }}
          onClose={() => setAdding(false)}
        />
      )}
    </>
  );
}
