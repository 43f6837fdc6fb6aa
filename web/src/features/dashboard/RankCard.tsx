import { TrophyOutlined } from '@ant-design/icons';
import { Card, Col, Row, Statistic, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { VillageSummary } from './dashboard-api';
import { formatMonth } from './numbers';

/**
 * 你追我赶: where the village stands in its township and county, among the villages that recorded
 * points in the range. Ranks only, never other villages' figures; a village that has recorded
 * nothing yet is 未开展, not last.
 */
export function RankCard({ summary }: { summary: VillageSummary }) {
  const { t, i18n } = useTranslation();
  const places = [
    { key: 'township', title: t('dashboard.rank.township'), ...summary.rank.township },
    { key: 'county', title: t('dashboard.rank.county'), ...summary.rank.county },
  ];
  return (
    <Card
      size="small"
      data-testid="rank-card"
      title={
        <>
          <TrophyOutlined style={{ color: '#faad14', marginRight: 8 }} />
          {t('dashboard.rank.title')}
        </>
      }
    >
      <Row gutter={16}>
        {places.map((p) => (
          <Col key={p.key} span={12}>
            <Statistic
              title={p.title}
              value={
                p.rank === null ? t('dashboard.rank.notStarted') : t('dashboard.rank.place', { rank: p.rank })
              }
            />
            <Typography.Text type="secondary">{t('dashboard.rank.of', { of: p.of })}</Typography.Text>
          </Col>
        ))}
      </Row>
      <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
        {t('dashboard.rank.hint', {
          from: formatMonth(summary.from, i18n.language, true),
          to: formatMonth(summary.to, i18n.language, true),
        })}
        {t('dashboard.rank.activeOnly')}
        {!summary.figures.active && t('dashboard.rank.notStartedHint')}
      </Typography.Paragraph>
    </Card>
  );
}
