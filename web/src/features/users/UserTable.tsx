import { Table, Tag } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Schemas } from '../../lib/api';
import { formatDate } from '../../lib/format';

type User = Schemas['User'];

export function UserTable({
  users,
  loading,
  household,
}: {
  users: User[];
  loading: boolean;
  /** The household column of a village's users, when its admin may link them. */
  household?: (user: User) => ReactNode;
}) {
  const { t, i18n } = useTranslation();
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
      ]}
    />
  );
}
