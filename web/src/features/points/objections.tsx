import { WarningOutlined } from '@ant-design/icons';
import { Button, Space, Tag, Typography } from 'antd';
import type { ColumnType } from 'antd/es/table';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../lib/format';
import { objectAsStaff } from '../board/board-api';
import { ObjectionModal } from '../board/ObjectionModal';
import type { PointRecord } from './points-api';

/**
 * 异议 in the approval queue: a pending record with objections came back from the notice board,
 * so the admin sees the flag, the latest reason and who lodged it before deciding again.
 */
export const objectionColumn = (t: TFunction): ColumnType<PointRecord> => ({
  title: t('board.objectionsCol'),
  key: 'objection',
  render: (_, r) => {
    const latest = r.objections?.at(-1);
    if (!latest) return t('common.none');
    const who =
      latest.name || latest.phone
        ? `${latest.name ?? ''} ${latest.phone ?? ''}`.trim()
        : t('board.objectionAnonymous');
    return (
      <Space orientation="vertical" size={0} data-testid="objection-flag">
        <Tag color="red" icon={<WarningOutlined />}>
          {t('board.objectionFlag')}
          {r.objections && r.objections.length > 1 ? ` ×${r.objections.length}` : ''}
        </Tag>
        <Typography.Text>{latest.reason}</Typography.Text>
        <Typography.Text type="secondary">
          {who} · {formatDateTime(latest.at)}
        </Typography.Text>
      </Space>
    );
  },
});

/** Village staff log an objection a villager phoned in, for a record still on posting. */
export function StaffObjectionButton(props: { villageId: string; record: PointRecord; onDone: () => void }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const r = props.record;
  return (
    <>
      <Button size="small" danger onClick={() => setOpen(true)}>
        {t('board.staffObject')}
      </Button>
      {open && (
        <ObjectionModal
          subject={`${r.householdNumber} ${r.headName} · ${r.rule.name}`}
          title={t('board.staffObjectTitle')}
          hint={t('board.staffObjectHint')}
          send={(body, key) => objectAsStaff(props.villageId, r.id, body, key)}
          onClose={() => setOpen(false)}
          onDone={() => {
            setOpen(false);
            props.onDone();
          }}
        />
      )}
    </>
  );
}
