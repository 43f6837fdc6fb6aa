import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { RecordStatus } from './points-api';

const colors: Record<RecordStatus, string> = {
  pending: 'gold',
  posted: 'blue',
  effective: 'green',
  rejected: 'default',
  reversed: 'orange',
};

export function RecordStatusTag({ status }: { status: RecordStatus }) {
  const { t } = useTranslation();
  return <Tag color={colors[status]}>{t(`points.status.${status}`)}</Tag>;
}
