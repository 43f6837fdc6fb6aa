import { CopyOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, List, Table, Tag, Typography } from 'antd';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadError } from '../../components/LoadError';
import { useLoad } from '../../lib/use-load';
import { useMe } from '../auth/session';
import { listCountyTemplates, listTemplates, type RuleTemplate } from '../rules/rules-api';
import { ruleSummary } from '../rules/summary';
import { CreateTemplateModal } from './CreateTemplateModal';

/** The built-in templates and the county's own; a county admin copies one under a new name. */
export function CountyTemplatesPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const me = useMe();
  const countyId = me.countyId ?? '';
  const isAdmin = me.role === 'county_admin';
  const [copying, setCopying] = useState<RuleTemplate | 'pick'>();
  const data = useLoad(
    useCallback(async () => {
      const [all, county] = await Promise.all([listTemplates(), listCountyTemplates(countyId)]);
      return { builtin: all.filter((tpl) => tpl.source === 'builtin'), county };
    }, [countyId]),
  );

  if (data.error) return <LoadError error={data.error} onRetry={data.reload} />;
  const all = [...(data.data?.builtin ?? []), ...(data.data?.county ?? [])];

  const table = (items: RuleTemplate[], empty?: string) => (
    <Table<RuleTemplate>
      rowKey="id"
      size="small"
      loading={data.loading}
      dataSource={items}
      pagination={false}
      scroll={{ x: 'max-content' }}
      locale={empty ? { emptyText: empty } : undefined}
      expandable={{
        expandedRowRender: (tpl) => (
          <List
            size="small"
            dataSource={tpl.content.rules}
            renderItem={(rule) => (
              <List.Item>
                <span>
                  <Typography.Text code className="xjf-hide-xs">
                    {rule.code}
                  </Typography.Text>{' '}
                  {rule.name} <Tag>{rule.category}</Tag>
                  <Typography.Text type={rule.shape.points < 0 ? 'danger' : 'secondary'}>
                    {ruleSummary(rule, t)}
                  </Typography.Text>
                </span>
              </List.Item>
            )}
          />
        ),
      }}
      columns={[
        { title: t('templates.name'), dataIndex: 'name' },
        {
          title: t('templates.description'),
          dataIndex: 'description',
          render: (v: string) => v || t('common.none'),
        },
        {
          title: t('templates.rules'),
          key: 'rules',
          render: (_, tpl) => t('rules.ruleCount', { count: tpl.content.rules.length }),
        },
        ...(isAdmin
          ? [
              {
                title: t('common.actions'),
                key: 'actions',
                render: (_: unknown, tpl: RuleTemplate) => (
                  <Button size="small" icon={<CopyOutlined />} onClick={() => setCopying(tpl)}>
                    {t('templates.copy')}
                  </Button>
                ),
              },
            ]
          : []),
      ]}
    />
  );

  return (
    <>
      <Typography.Title level={3}>{t('templates.title')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('templates.intro')}</Typography.Paragraph>
      <Card
        title={t('templates.county')}
        style={{ marginBottom: 16 }}
        extra={
          isAdmin && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCopying('pick')}>
              {t('templates.create')}
            </Button>
          )
        }
      >
        {table(data.data?.county ?? [], t('templates.empty'))}
      </Card>
      <Card title={t('templates.builtin')}>{table(data.data?.builtin ?? [])}</Card>
      {copying && (
        <CreateTemplateModal
          countyId={countyId}
          templates={all}
          from={copying === 'pick' ? undefined : copying}
          onClose={() => setCopying(undefined)}
          onCreated={(tpl) => {
            setCopying(undefined);
            void message.success(t('templates.created', { name: tpl.name }));
            data.reload();
          }}
        />
      )}
    </>
  );
}
