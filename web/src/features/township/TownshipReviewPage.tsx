import { RightOutlined } from '@ant-design/icons';
import { Badge, Button, Card, Empty, Flex, List, Skeleton, Tag, Typography } from 'antd';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { LoadError } from '../../components/LoadError';
import { api, call } from '../../lib/api';
import { useLoad } from '../../lib/use-load';
import { useMe } from '../auth/session';

/**
 * 乡镇待审: the township reviewer's home. Each village of the township with its pending count;
 * a village that has not asked for township review is greyed out, and says so.
 */
export function TownshipReviewPage() {
  const { t } = useTranslation();
  const me = useMe();
  const countyId = me.countyId ?? '';
  const townshipId = me.townshipId ?? '';
  const work = useLoad(
    useCallback(
      () =>
        call(
          api().GET('/api/counties/{countyId}/townships/{townshipId}/review', {
            params: { path: { countyId, townshipId } },
          }),
        ),
      [countyId, townshipId],
    ),
  );

  if (work.error) return <LoadError error={work.error} onRetry={work.reload} />;
  const townshipName = work.data?.township.name ?? me.townshipName ?? '';
  // Villages that asked for review first, the busiest first; the others after, by name.
  const villages = [...(work.data?.villages ?? [])].sort(
    (a, b) =>
      Number(b.townshipReview) - Number(a.townshipReview) ||
      b.pending - a.pending ||
      a.name.localeCompare(b.name, 'zh-CN'),
  );

  return (
    <>
      <Typography.Title level={3}>
        {townshipName ? `${townshipName} · ${t('review.title')}` : t('review.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('review.intro')}</Typography.Paragraph>
      <Card styles={{ body: { paddingBlock: 8 } }}>
        <Skeleton loading={work.loading && !work.data} active>
          <List
            data-testid="township-villages"
            dataSource={villages}
            locale={{ emptyText: <Empty description={t('review.empty')} /> }}
            renderItem={(v) =>
              v.townshipReview ? (
                <List.Item
                  data-testid="township-village"
                  data-village={v.name}
                  actions={[
                    <Link key="open" to={`/villages/${v.id}/approvals`}>
                      <Button type={v.pending > 0 ? 'primary' : 'default'}>
                        {t('review.open')} <RightOutlined />
                      </Button>
                    </Link>,
                  ]}
                >
                  <Flex vertical gap={2} style={{ minWidth: 0 }}>
                    <Link to={`/villages/${v.id}/approvals`}>
                      <Typography.Text strong>{v.name}</Typography.Text>
                    </Link>
                    <span>
                      <Badge
                        status={v.pending > 0 ? 'processing' : 'default'}
                        text={t('review.pending', { count: v.pending })}
                      />
                    </span>
                  </Flex>
                </List.Item>
              ) : (
                <List.Item data-testid="township-village" data-village={v.name} style={{ opacity: 0.55 }}>
                  <Flex vertical gap={2} style={{ minWidth: 0 }}>
                    <Flex gap={8} align="center" wrap>
                      <Typography.Text type="secondary" strong>
                        {v.name}
                      </Typography.Text>
                      <Tag>{t('review.off')}</Tag>
                    </Flex>
                    <Typography.Text type="secondary">{t('review.offNote')}</Typography.Text>
                  </Flex>
                </List.Item>
              )
            }
          />
        </Skeleton>
      </Card>
    </>
  );
}
