import { App, Button, Card, DatePicker, Form, Input, Modal, Select, Table, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadError } from '../../components/LoadError';
import { formatDateTime, formatDay, todayInChina } from '../../lib/format';
import { useSubmit } from '../../lib/forms';
import { useLoad } from '../../lib/use-load';
import { useMe } from '../auth/session';
import {
  type Consent,
  grantConsent,
  listConsents,
  listLookups,
  listPartners,
  type PartnerLookup,
  withdrawConsent,
} from './partners-api';

const future = (d: Dayjs) => d.format('YYYY-MM-DD') > todayInChina();

/**
 * A household's consents to partners (granted with the day it signed, withdrawn, never deleted)
 * and every partner look-up of it, allowed or refused (查询记录).
 */
export function ConsentsCard({ villageId, householdId }: { villageId: string; householdId: string }) {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const admin = me.role === 'village_admin';
  const path = { villageId, householdId };
  const [granting, setGranting] = useState(false);
  const [withdrawing, setWithdrawing] = useState<Consent>();
  const data = useLoad(
    useCallback(async () => {
      const [consents, lookups] = await Promise.all([
        listConsents({ villageId, householdId }),
        listLookups({ villageId, householdId }),
      ]);
      return { consents, lookups: lookups.items };
    }, [villageId, householdId]),
  );
  if (data.error) return <LoadError error={data.error} onRetry={data.reload} />;
  const done = () => {
    setGranting(false);
    setWithdrawing(undefined);
    data.reload();
  };

  return (
    <Card
      title={t('consents.title')}
      style={{ marginBottom: 16 }}
      extra={
        admin && (
          <Button type="primary" ghost onClick={() => setGranting(true)}>
            {t('consents.grant')}
          </Button>
        )
      }
    >
      <Typography.Paragraph type="secondary">{t('consents.intro')}</Typography.Paragraph>
      <Table<Consent>
        rowKey="id"
        size="small"
        scroll={{ x: 'max-content' }}
        loading={data.loading}
        dataSource={data.data?.consents ?? []}
        pagination={false}
        locale={{ emptyText: t('consents.none') }}
        data-testid="consents"
        columns={[
          { title: t('consents.partner'), dataIndex: 'partnerName' },
          {
            title: t('consents.grantedOn'),
            dataIndex: 'grantedOn',
            render: (d: string) => formatDay(d, i18n.language),
          },
          {
            title: t('consents.status'),
            key: 'status',
            render: (_, c) =>
              c.withdrawnOn ? (
                <Tag>{t('consents.withdrawn', { date: formatDay(c.withdrawnOn, i18n.language) })}</Tag>
              ) : (
                <Tag color="green">{t('consents.active')}</Tag>
              ),
          },
          {
            title: t('consents.note'),
            key: 'note',
            render: (_, c) => c.withdrawReason ?? c.note ?? t('common.none'),
          },
          {
            title: t('common.actions'),
            key: 'actions',
            render: (_, c) =>
              admin &&
              !c.withdrawnOn && (
                <Button size="small" danger onClick={() => setWithdrawing(c)}>
                  {t('consents.withdraw')}
                </Button>
              ),
          },
        ]}
      />
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        {t('consents.lookups')}
      </Typography.Title>
      <Table<PartnerLookup>
        rowKey="id"
        size="small"
        scroll={{ x: 'max-content' }}
        loading={data.loading}
        dataSource={data.data?.lookups ?? []}
        pagination={false}
        locale={{ emptyText: t('consents.noLookups') }}
        data-testid="partner-lookups"
        columns={[
          { title: t('consents.lookupAt'), dataIndex: 'at', render: (at: string) => formatDateTime(at) },
          { title: t('consents.partner'), dataIndex: 'partnerName' },
          { title: t('consents.lookupBy'), dataIndex: 'byName' },
          {
            title: t('consents.lookupAsOf'),
            dataIndex: 'asOf',
            render: (d: string) => formatDay(d, i18n.language),
          },
          {
            title: t('consents.outcome'),
            key: 'outcome',
            render: (_, l) => (
              <Tag color={l.outcome === 'allowed' ? 'blue' : 'red'}>
                {t(`consents.outcomes.${l.outcome}`)}
                {l.score !== undefined ? ` · ${l.score}` : ''}
                {l.tierLabel ? ` · ${l.tierLabel}` : ''}
              </Tag>
            ),
          },
        ]}
      />
      {granting && (
        <GrantModal
          path={path}
          countyId={me.countyId ?? ''}
          onDone={done}
          onClose={() => setGranting(false)}
        />
      )}
      {withdrawing && (
        <WithdrawModal
          path={path}
          consent={withdrawing}
          onDone={done}
          onClose={() => setWithdrawing(undefined)}
        />
      )}
    </Card>
  );
}

type Path = { villageId: string; householdId: string };
type GrantValues = { partnerId: string; grantedOn: Dayjs; note?: string };

function GrantModal(props: { path: Path; countyId: string; onDone: () => void; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<GrantValues>();
  const partners = useLoad(useCallback(() => listPartners(props.countyId), [props.countyId]));
  const { submit, submitting, error } = useSubmit(
    form,
    (v: GrantValues, key) =>
      grantConsent(
        props.path,
        {
          partnerId: v.partnerId,
          grantedOn: v.grantedOn.format('YYYY-MM-DD'),
          note: v.note?.trim() || undefined,
        },
        key,
      ),
    {
      onSuccess: (c) => {
        void message.success(`${t('consents.grant')}：${c.partnerName}`);
        props.onDone();
      },
    },
  );
  return (
    <Modal
      open
      title={t('consents.grant')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={submitting}
      onOk={() => form.submit()}
      onCancel={props.onClose}
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ grantedOn: dayjs(todayInChina()) }}
        onFinish={(v) => void submit(v)}
      >
        <Form.Item name="partnerId" label={t('consents.partner')} rules={[{ required: true }]}>
          <Select
            loading={partners.loading}
            options={(partners.data ?? []).map((p) => ({ value: p.id, label: p.name }))}
          />
        </Form.Item>
        <Form.Item name="grantedOn" label={t('consents.grantedOn')} rules={[{ required: true }]}>
          <DatePicker format={t('rules.dateFormat')} disabledDate={future} />
        </Form.Item>
        <Form.Item name="note" label={t('consents.note')} rules={[{ max: 200 }]}>
          <Input maxLength={200} />
        </Form.Item>
        {error && <Typography.Text type="danger">{error}</Typography.Text>}
      </Form>
    </Modal>
  );
}

type WithdrawValues = { withdrawnOn: Dayjs; reason?: string };

function WithdrawModal(props: { path: Path; consent: Consent; onDone: () => void; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<WithdrawValues>();
  const { submit, submitting, error } = useSubmit(
    form,
    (v: WithdrawValues, key) =>
      withdrawConsent(
        { ...props.path, consentId: props.consent.id },
        { withdrawnOn: v.withdrawnOn.format('YYYY-MM-DD'), reason: v.reason?.trim() || undefined },
        key,
      ),
    { onSuccess: props.onDone },
  );
  return (
    <Modal
      open
      title={t('consents.withdrawTitle', { name: props.consent.partnerName })}
      okText={t('consents.withdraw')}
      okButtonProps={{ danger: true }}
      cancelText={t('common.cancel')}
      confirmLoading={submitting}
      onOk={() => form.submit()}
      onCancel={props.onClose}
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ withdrawnOn: dayjs(todayInChina()) }}
        onFinish={(v) => void submit(v)}
      >
        <Form.Item name="withdrawnOn" label={t('consents.withdrawnOn')} rules={[{ required: true }]}>
          <DatePicker
            format={t('rules.dateFormat')}
            disabledDate={(d) => future(d) || d.format('YYYY-MM-DD') < props.consent.grantedOn}
          />
        </Form.Item>
        <Form.Item name="reason" label={t('consents.reason')} rules={[{ max: 200 }]}>
          <Input maxLength={200} />
        </Form.Item>
        {error && <Typography.Text type="danger">{error}</Typography.Text>}
      </Form>
    </Modal>
  );
}
