import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Schemas } from '../../lib/api';

const colors = { active: 'green', used: 'default', expired: 'red' } as const;

export function InviteStatusTag({ status }: { status: Schemas['Invite']['status'] }) {
  const { t } = useTranslation();
  return <Tag color={colors[status]}>{t(`invites.${status}`)}</Tag>;
}
