import { PlusOutlined, UserAddOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Flex, Form, Input, Modal, Select, Table, Tag, Typography } from 'antd';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadError } from '../../components/LoadError';
import { api, call } from '../../lib/api';
import { formatDate } from '../../lib/format';
import { useSubmit } from '../../lib/forms';
import { useLoad } from '../../lib/use-load';
import { useMe } from '../auth/session';
import { AddUserModal } from '../users/AddUserModal';
import { useAnnounceNewUser } from '../users/NewUserCredentials';
import {
  countyPrograms,
  countyUsers,
  createPartner,
  listPartners,
  type Partner,
  type Program,
} from './partners-api';

/** 合作机构: the county admin registers the bank, the county programs it reads, and its users. */
export function PartnersPage() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const announce = useAnnounceNewUser();
  const countyId = useMe().countyId ?? '';
  const [adding, setAdding] = useState(false);
  const [userFor, setUserFor] = useState<Partner>();
  const data = useLoad(
    useCallback(async () => {
      const [partners, programs, users] = await Promise.all([
        listPartners(countyId),
        countyPrograms(countyId),
        countyUsers(countyId),
      ]);
      return { partners, programs: programs.filter((p) => p.scope === 'county'), users };
    }, [countyId]),
  );
  if (data.error) return <LoadError error={data.error} onRetry={data.reload} />;
  const programName = (id: string) => data.data?.programs.find((p) => p.id === id)?.name ?? id;
  const usersOf = (partnerId: string) => (data.data?.users ?? []).filter((u) => u.partnerId === partnerId);

  return (
    <>
      <Typography.Title level={3}>{t('partners.title')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('partners.intro')}</Typography.Paragraph>
      <Card
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)}>
            {t('partners.add')}
          </Button>
        }
      >
        <Table<Partner>
          rowKey="id"
          scroll={{ x: 'max-content' }}
          loading={data.loading}
          dataSource={data.data?.partners ?? []}
          pagination={false}
          locale={{ emptyText: t('partners.none') }}
          columns={[
            { title: t('partners.name'), dataIndex: 'name' },
            {
              title: t('partners.programs'),
              key: 'programs',
              render: (_, p) => p.programIds.map((id) => <Tag key={id}>{programName(id)}</Tag>),
            },
            {
              title: t('partners.users'),
              key: 'users',
              render: (_, p) => (
                <Flex gap={4} wrap>
                  {usersOf(p.id).map((u) => (
                    <Tag key={u.id} color="green">
                      {u.name}（{u.username}）
                    </Tag>
                  ))}
                </Flex>
              ),
            },
            {
              title: t('common.createdAt'),
              dataIndex: 'createdAt',
              render: (at: string) => formatDate(at, i18n.language),
            },
            {
              title: t('common.actions'),
              key: 'actions',
              render: (_, p) => (
                <Button size="small" icon={<UserAddOutlined />} onClick={() => setUserFor(p)}>
                  {t('partners.addUser')}
                </Button>
              ),
            },
          ]}
        />
      </Card>
      {adding && (
        <AddPartnerModal
          countyId={countyId}
          programs={data.data?.programs ?? []}
          onClose={() => setAdding(false)}
          onAdded={(partner) => {
            setAdding(false);
            void message.success(t('partners.added', { name: partner.name }));
            data.reload();
          }}
        />
      )}
      {userFor && (
        <AddUserModal
          title={t('partners.addUserTitle', { name: userFor.name })}
          roles={['partner']}
          send={(body, key) =>
            call(
              api().POST('/api/counties/{countyId}/users', {
                params: { path: { countyId }, header: { 'idempotency-key': key } },
                body: { ...body, partnerId: userFor.id },
              }),
            )
          }
          onAdded={(user) => {
            setUserFor(undefined);
            announce(user);
            data.reload();
          }}
          onClose={() => setUserFor(undefined)}
        />
      )}
    </>
  );
}

type Values = { name: string; description?: string; programIds: string[] };

function AddPartnerModal(props: {
  countyId: string;
  programs: Program[];
  onAdded: (partner: Partner) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const { submit, submitting, error } = useSubmit(
    form,
    (v: Values, key) =>
      createPartner(
        props.countyId,
        { name: v.name.trim(), description: v.description?.trim() || undefined, programIds: v.programIds },
        key,
      ),
    { onSuccess: props.onAdded },
  );
  return (
    <Modal
      open
      title={t('partners.add')}
      okText={t('common.add')}
      cancelText={t('common.cancel')}
      confirmLoading={submitting}
      onOk={() => form.submit()}
      onCancel={props.onClose}
    >
      {props.programs.length === 0 && (
        <Alert type="warning" showIcon title={t('partners.noCountyPrograms')} />
      )}
      <Form
        form={form}
        layout="vertical"
        requiredMark="optional"
        initialValues={{ programIds: props.programs.slice(0, 1).map((p) => p.id) }}
        onFinish={(v) => void submit(v)}
      >
        <Form.Item
          name="name"
          label={t('partners.name')}
          rules={[{ required: true, whitespace: true, max: 40 }]}
        >
          <Input autoFocus maxLength={40} placeholder="大方农商银行" />
        </Form.Item>
        <Form.Item name="description" label={t('partners.description')} rules={[{ max: 200 }]}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item
          name="programIds"
          label={t('partners.programs')}
          extra={t('partners.programsHint')}
          rules={[{ required: true }]}
        >
          <Select mode="multiple" options={props.programs.map((p) => ({ value: p.id, label: p.name }))} />
        </Form.Item>
        {error && <Alert type="error" showIcon title={error} />}
      </Form>
    </Modal>
  );
}
