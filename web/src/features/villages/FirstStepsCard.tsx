import { CheckCircleFilled, RightOutlined } from '@ant-design/icons';
import { Button, Card, List, Progress, Typography } from 'antd';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { api, call, type Schemas } from '../../lib/api';
import { useLoad } from '../../lib/use-load';
import { boardUrl } from '../board/board-api';

type Step = Schemas['FirstSteps']['steps'][number];

/** Where each step is done; the helpers step is done on this page (users below, township review). */
function target(step: Step['key'], villageId: string): { to: string; external?: boolean } | undefined {
  switch (step) {
    case 'rules':
      return { to: `/villages/${villageId}/rules` };
    case 'households':
      return { to: `/villages/${villageId}/households` };
    case 'store':
      return { to: `/villages/${villageId}/store/items` };
    case 'board':
      return { to: boardUrl(villageId), external: true };
    default:
      return undefined;
  }
}

/**
 * A new village's checklist (开通后的第一步) on its home page, for its admin: each step ticks
 * itself off from the village's own data (GET …/first-steps), and the card is gone once all are
 * done. `version` reloads it when something on the page changed (township review turned on).
 */
export function FirstStepsCard({ villageId, version }: { villageId: string; version?: string }) {
  const { t } = useTranslation();
  const steps = useLoad(
    // biome-ignore lint/correctness/useExhaustiveDependencies: `version` is the reload trigger
    useCallback(
      () => call(api().GET('/api/villages/{villageId}/first-steps', { params: { path: { villageId } } })),
      [villageId, version],
    ),
  );
  const data = steps.data;
  if (!data || data.done) return null;
  const done = data.steps.filter((s) => s.done).length;
  return (
    <Card
      data-testid="first-steps"
      title={t('firstSteps.title')}
      style={{ marginBottom: 16 }}
      extra={
        <Typography.Text type="secondary">
          {t('firstSteps.progress', { done, total: data.steps.length })}
        </Typography.Text>
      }
    >
      <Progress percent={Math.round((done / data.steps.length) * 100)} showInfo={false} size="small" />
      <List
        itemLayout="horizontal"
        dataSource={data.steps}
        renderItem={(step) => {
          const to = target(step.key, villageId);
          const go =
            step.done || !to ? null : to.external ? (
              <Button size="small" href={to.to} target="_blank" rel="noopener" icon={<RightOutlined />}>
                {t('firstSteps.go')}
              </Button>
            ) : (
              <Link to={to.to}>
                <Button size="small" icon={<RightOutlined />}>
                  {t('firstSteps.go')}
                </Button>
              </Link>
            );
          return (
            <List.Item
              data-testid={`first-step-${step.key}`}
              data-done={step.done ? 'true' : 'false'}
              actions={go ? [go] : []}
            >
              <List.Item.Meta
                avatar={
                  step.done ? (
                    <CheckCircleFilled
                      style={{ color: '#52c41a', fontSize: 20 }}
                      aria-label={t('firstSteps.done')}
                    />
                  ) : (
                    <span
                      aria-hidden
                      style={{
                        display: 'inline-block',
                        width: 20,
                        height: 20,
                        borderRadius: '50%',
                        border: '2px solid #d9d9d9',
                      }}
                    />
                  )
                }
                title={
                  <Typography.Text delete={step.done} type={step.done ? 'secondary' : undefined}>
                    {t(`firstSteps.${step.key}`)}
                  </Typography.Text>
                }
                description={step.done ? t('firstSteps.done') : t(`firstSteps.${step.key}Help`)}
              />
            </List.Item>
          );
        }}
      />
      <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
        {t('firstSteps.hint')}
      </Typography.Paragraph>
    </Card>
  );
}
