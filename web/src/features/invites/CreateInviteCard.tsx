import { KeyOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Input, InputNumber, Select, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, call, type Schemas } from '../../lib/api';
import { useSubmit } from '../../lib/forms';
import type { Township } from '../county/county-data';
import { onboardingLink } from './invite-link';

type Invite = Schemas['Invite'];
type Values = { townshipId: string; expiresInDays: number; note?: string };

export function CreateInviteCard(props: { countyId: string; townships: Township[]; onCreated: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const [created, setCreated] = useState<Invite>();
  const { submit, submitting, error } = useSubmit(
    form,
    (v: Values, key) =>
      call(
        api().POST('/api/counties/{countyId}/invites', {
          params: { path: { countyId: props.countyId }, header: { 'idempotency-key': key } },
          body: {
            townshipId: v.townshipId,
            expiresInDays: v.expiresInDays,
            note: v.note?.trim() || undefined,
          },
        }),
      ),
    {
      onSuccess: (invite) => {
        setCreated(invite);
        form.resetFields(['note']);
        props.onCreated();
      },
    },
  );

  return (
    <Card title={t('invites.create')} style={{ marginBottom: 16 }}>
      {props.townships.length === 0 && (
        <Alert type="warning" showIcon title={t('invites.needTownship')} style={{ marginBottom: 16 }} />
      )}
      <Form
        form={form}
        layout="inline"
        initialValues={{ expiresInDays: 14 }}
        onFinish={(v) => void submit(v)}
        style={{ rowGap: 12 }}
      >
        <Form.Item name="townshipId" label={t('invites.township')} rules={[{ required: true }]}>
          <Select
            data-testid="invite-township"
            style={{ width: 160 }}
            options={props.townships.map((tw) => ({ value: tw.id, label: tw.name }))}
          />
        </Form.Item>
        <Form.Item name="expiresInDays" label={t('invites.expiresInDays')} rules={[{ required: true }]}>
          <InputNumber min={1} max={90} precision={0} suffix={t('invites.days')} style={{ width: 110 }} />
        </Form.Item>
        <Form.Item name="note" label={t('invites.note')} rules={[{ max: 100 }]}>
          <Input placeholder={t('invites.notePlaceholder')} maxLength={100} style={{ width: 220 }} />
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit" icon={<KeyOutlined />} loading={submitting}>
            {t('invites.create')}
          </Button>
        </Form.Item>
      </Form>
      {error && <Alert type="error" showIcon title={error} style={{ marginTop: 16 }} />}
      {created && <CreatedInvite invite={created} />}
    </Card>
  );
}

function CreatedInvite({ invite }: { invite: Invite }) {
  const { t } = useTranslation();
  const link = onboardingLink(invite.code);
  return (
    <Alert
      type="success"
      showIcon
      style={{ marginTop: 16 }}
      title={t('invites.created')}
      description={
        <>
          <Typography.Title
            level={3}
            copyable
            className="xjf-code"
            data-testid="new-invite-code"
            style={{ margin: '8px 0' }}
          >
            {invite.code}
          </Typography.Title>
          <Typography.Paragraph copyable={{ text: link }} style={{ marginBottom: 4 }}>
            {t('invites.link')}：
            <Typography.Link href={link} target="_blank">
              {link}
            </Typography.Link>
          </Typography.Paragraph>
          <Typography.Text type="secondary">{t('invites.createdHint')}</Typography.Text>
        </>
      }
    />
  );
}
