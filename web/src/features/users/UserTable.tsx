import { Table, Tag } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Schemas } from '../../lib/api';
import { formatDate } from '../../lib/format';
import { useMe } from '../auth/session';
import { type ResetPassword, ResetPasswordButton } from './ResetPassword';

type User = Schemas['User'];

export function UserTable({
  users,
  loading,
  household,
  resetPassword,
}: {
  users: User[];
  loading: boolean;
  /** The household column of a village's users, when its admin may link them. */
  household?: (user: User) => ReactNode;
  /** For admins: a new temporary password. Not for villagers (SMS) nor oneself (the account page). */
  resetPassword?: ResetPassword;
}) {
  const { t, i18n } = useTranslation();
  const { userId } = useMe();
  return (
    <Table<User>
      scroll={{ x: 'max-content' }}
      rowKey="id"
      size="middle"
      loading={loading}
      dataSource={users}
      pagination={users.length > 20 ? { pageSize: 20 } : false}
      columns={[
        { title: t('user.name'), dataIndex: 'name' },
        { title: t('user.username'), dataIndex: 'username' },
        {
          title: t('user.role'),
          dataIndex: 'role',
          render: (_, u) => <Tag color="green">{t(`roles.${u.role}`)}</Tag>,
        },
        { title: t('user.phone'), dataIndex: 'phone', render: (_, u) => u.phone ?? t('common.none') },
        ...(household
          ? [
              {
                title: t('photos.household'),
                key: 'household',
                render: (_: unknown, u: User) => household(u),
              },
            ]
          : []),
        {
          title: t('common.createdAt'),
          dataIndex: 'createdAt',
          render: (_, u) => formatDate(u.createdAt, i18n.language),
        },
        ...(resetPassword
          ? [
              {
                title: t('common.actions'),
                key: 'actions',
                render: (_: unknown, u: User) =>
                  u.role !== 'villager' &&
                  u.id !== userId && <ResetPasswordButton user={u} reset={resetPassword} />,
              },
            ]
          : []),
      ]}
    />
  );
}
