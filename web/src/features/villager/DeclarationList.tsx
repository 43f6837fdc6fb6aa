import { Empty, Flex, List, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDay } from '../../lib/format';
import { PhotoThumbs } from '../photos/PhotoThumbs';
import type { PointRecord } from '../points/points-api';
import { RecordStatusTag } from '../points/RecordStatusTag';

/** 我的申报: each declaration with where it stands; a narrow list rather than a table, for phones. */
export function DeclarationList(props: { records: PointRecord[]; loading: boolean }) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  if (!props.loading && props.records.length === 0)
    return <Empty description={t('villager.noDeclarations')} />;
  return (
    <List<PointRecord>
      loading={props.loading}
      dataSource={props.records}
      renderItem={(r) => (
        <List.Item data-testid="declaration" extra={<PhotoThumbs urls={r.evidenceUrls} size={40} />}>
          <Flex vertical gap={4} style={{ width: '100%' }}>
            <Flex justify="space-between" align="center" gap={8}>
              <Typography.Text strong>{r.rule.name}</Typography.Text>
              <RecordStatusTag status={r.status} />
            </Flex>
            <Typography.Text type="secondary">
              {formatDay(r.occurredOn, lng)} ·{' '}
              {r.status === 'effective' || r.status === 'reversed'
                ? `${r.points ?? r.estimate} ${t('households.points')}`
                : `${t('points.estimate')} ${r.estimate}`}
            </Typography.Text>
            {r.note && <Typography.Text>{r.note}</Typography.Text>}
            {r.status === 'rejected' && r.reason && (
              <Typography.Text type="danger">
                {t('villager.decidedReason', { reason: r.reason })}
              </Typography.Text>
            )}
          </Flex>
        </List.Item>
      )}
    />
  );
}
