import { ExportOutlined } from '@ant-design/icons';
import { Button, Card, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { boardUrl } from './board-api';

/** The public board's address, to copy into the village group chat or open. */
export function BoardLinkCard({ villageId }: { villageId: string }) {
  const { t } = useTranslation();
  const url = boardUrl(villageId);
  return (
    <Card
      title={t('board.link')}
      style={{ marginBottom: 16 }}
      extra={
        <Button icon={<ExportOutlined />} href={url} target="_blank" rel="noopener">
          {t('board.open')}
        </Button>
      }
    >
      <Typography.Paragraph type="secondary">{t('board.linkHint')}</Typography.Paragraph>
      <Typography.Paragraph copyable={{ text: url }} code data-testid="board-link">
        {url}
      </Typography.Paragraph>
    </Card>
  );
}
