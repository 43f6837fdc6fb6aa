import { CheckCircleFilled, FileAddOutlined } from '@ant-design/icons';
import { Card, Col, Row, Skeleton, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { RuleTemplate } from './rules-api';

/** Where a new rule set starts: a template (built-in or the county's) or empty (`''`). */
export function TemplatePicker(props: {
  templates: RuleTemplate[];
  loading?: boolean;
  value?: string;
  onChange?: (id: string) => void;
}) {
  const { t } = useTranslation();
  if (props.loading) return <Skeleton active />;
  const choices = [
    ...props.templates.map((tpl) => ({
      id: tpl.id,
      name: tpl.name,
      description: tpl.description,
      extra: (
        <>
          <Tag color={tpl.source === 'county' ? 'blue' : 'green'}>{t(`rules.source.${tpl.source}`)}</Tag>
          <Typography.Text type="secondary">
            {t('rules.ruleCount', { count: tpl.content.rules.length })}
          </Typography.Text>
        </>
      ),
    })),
    {
      id: '',
      name: t('rules.blank'),
      description: t('rules.blankHint'),
      extra: <FileAddOutlined />,
    },
  ];
  return (
    <Row gutter={[12, 12]} role="radiogroup">
      {choices.map((c) => {
        const selected = (props.value ?? '') === c.id;
        return (
          <Col key={c.id || 'blank'} xs={24} sm={12}>
            <Card
              size="small"
              hoverable
              role="radio"
              aria-checked={selected}
              tabIndex={0}
              data-template={c.id || 'blank'}
              onClick={() => props.onChange?.(c.id)}
              onKeyDown={(e) => {
                if (e.key === 'Enter' || e.key === ' ') props.onChange?.(c.id);
              }}
              style={{ height: '100%', borderColor: selected ? '#2f7d4f' : undefined }}
              title={
                <span>
                  {selected && <CheckCircleFilled style={{ color: '#2f7d4f', marginInlineEnd: 6 }} />}
                  {c.name}
                </span>
              }
            >
              <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }} ellipsis={{ rows: 2 }}>
                {c.description}
              </Typography.Paragraph>
              <div>{c.extra}</div>
            </Card>
          </Col>
        );
      })}
    </Row>
  );
}
