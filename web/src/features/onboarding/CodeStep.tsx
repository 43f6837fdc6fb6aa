import { SearchOutlined } from '@ant-design/icons';
import { Alert, Button, Descriptions, Form, Input, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Schemas } from '../../lib/api';
import { formatDate } from '../../lib/format';

export type InvitePreview = Schemas['InvitePreview'];

/** Step 1: the code, and where it will put the village once checked. */
export function CodeStep(props: {
  preview: InvitePreview | undefined;
  problem: string | undefined;
  checking: boolean;
  onCheck: () => void;
  onEdit: () => void;
  onNext: () => void;
}) {
  const { t, i18n } = useTranslation();
  const { preview } = props;
  const usable = preview?.status === 'active';
  return (
    <>
      <Form.Item label={t('onboarding.codeLabel')} required>
        <Space.Compact style={{ width: '100%', maxWidth: 420 }}>
          <Form.Item name="inviteCode" noStyle>
            <Input
              size="large"
              className="xjf-code"
              placeholder={t('onboarding.codePlaceholder')}
              maxLength={14}
              autoComplete="off"
              onChange={props.onEdit}
              onPressEnter={(e) => {
                e.preventDefault();
                props.onCheck();
              }}
            />
          </Form.Item>
          <Button size="large" icon={<SearchOutlined />} loading={props.checking} onClick={props.onCheck}>
            {t('onboarding.check')}
          </Button>
        </Space.Compact>
      </Form.Item>
      {props.problem && <Alert type="error" showIcon title={props.problem} style={{ marginBottom: 16 }} />}
      {preview && usable && (
        <Alert
          type="success"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('onboarding.belongsTo')}
          description={
            <Descriptions
              size="small"
              column={1}
              items={[
                { key: 'county', label: t('onboarding.county'), children: preview.countyName },
                { key: 'township', label: t('onboarding.township'), children: preview.townshipName },
                {
                  key: 'until',
                  label: t('onboarding.validUntil'),
                  children: formatDate(preview.expiresAt, i18n.language),
                },
              ]}
            />
          }
        />
      )}
      <Button type="primary" disabled={!usable} onClick={props.onNext}>
        {t('onboarding.next')}
      </Button>
    </>
  );
}
