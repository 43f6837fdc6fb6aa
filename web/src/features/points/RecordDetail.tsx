import { Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { PhotoThumbs } from '../photos/PhotoThumbs';
import type { PointRecord } from './points-api';

/** What the recorder sent with a record: the note, and the evidence photos large enough to judge. */
export function RecordDetail({ record }: { record: PointRecord }) {
  const { t } = useTranslation();
  return (
    <Flex vertical gap={8} data-testid="record-detail">
      <Typography.Text strong>{t('photos.detail')}</Typography.Text>
      {record.note && <Typography.Text>{record.note}</Typography.Text>}
      <PhotoThumbs urls={record.evidenceUrls} size={160} />
    </Flex>
  );
}
