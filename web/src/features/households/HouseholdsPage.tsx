import { PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { sortByHouseholdNumber } from '@xjf/domain/record-checks';
import { App, Button, Card, Flex, Input, Select, Table, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { LoadError } from '../../components/LoadError';
import { api, call } from '../../lib/api';
import { useLoad } from '../../lib/use-load';
import { useMe } from '../auth/session';
import { CreateHouseholdModal } from './CreateHouseholdModal';
import { type Household, listHouseholds, PAGE_SIZE } from './households-api';
import { RosterImportModal } from './RosterImportModal';
import { VillageCrumbs } from './VillageCrumbs';

type Filter = { q?: string; group?: string };

/** A village's households: find one by a member's name or its number, narrow by village group. */
export function HouseholdsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const me = useMe();
  const villageId = useParams().villageId ?? '';
  const [filter, setFilter] = useState<Filter>({});
  const [creating, setCreating] = useState(false);
  const [importing, setImporting] = useState(false);
  const [groups, setGroups] = useState<string[]>([]);

  const village = useLoad(
    useCallback(
      () => call(api().GET('/api/villages/{villageId}', { params: { path: { villageId } } })),
      [villageId],
    ),
  );
  // Every household the search matches (a village has hundreds), so the list runs in 户号 order
  // ('2' before '10') and pages here.
  const first = useLoad(
    useCallback(async () => {
      const all: Household[] = [];
      let cursor: string | undefined;
      do {
        const page = await listHouseholds(villageId, { ...filter, limit: 100, cursor });
        all.push(...page.items);
        cursor = page.nextCursor;
      } while (cursor);
      return sortByHouseholdNumber(all, (h) => h.number);
    }, [villageId, filter]),
  );
  const items = first.data ?? [];

  // The groups offered in the filter: every group seen so far.
  const seen = items.map((h) => h.group).join('|');
  // biome-ignore lint/correctness/useExhaustiveDependencies: `seen` stands for the items' groups
  useEffect(() => {
    setGroups((before) => {
      const all = new Set([...before, ...items.map((h) => h.group)]);
      return all.size === before.length ? before : [...all].sort((a, b) => a.localeCompare(b, 'zh-CN'));
    });
  }, [seen]);

  const villageName = village.data?.name ?? me.villageName ?? '';
  const path = (h: Household) => `/villages/${villageId}/households/${h.id}`;

  return (
    <>
      <VillageCrumbs villageId={villageId} villageName={villageName} trail={[t('households.title')]} />
      <Typography.Title level={3}>
        {villageName ? `${villageName} · ${t('households.title')}` : t('households.title')}
      </Typography.Title>
      <Card
        extra={
          me.role === 'village_admin' && (
            <Flex gap={8}>
              <Button icon={<UploadOutlined />} onClick={() => setImporting(true)}>
                {t('imports.roster.button')}
              </Button>
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
                {t('households.create')}
              </Button>
            </Flex>
          )
        }
        title={
          <Flex gap={8} wrap style={{ padding: '8px 0' }}>
            <Input.Search
              allowClear
              style={{ width: 260 }}
              placeholder={t('households.search')}
              aria-label={t('households.search')}
              onSearch={(value) => setFilter((f) => ({ ...f, q: value.trim() || undefined }))}
            />
            <Select
              allowClear
              showSearch
              style={{ width: 180 }}
              placeholder={t('households.allGroups')}
              aria-label={t('households.group')}
              value={filter.group}
              options={groups.map((g) => ({ value: g, label: g }))}
              onChange={(group?: string) => setFilter((f) => ({ ...f, group }))}
            />
          </Flex>
        }
      >
        {first.error ? (
          <LoadError error={first.error} onRetry={first.reload} />
        ) : (
          <>
            <Table<Household>
              rowKey="id"
              scroll={{ x: 'max-content' }}
              loading={first.loading}
              dataSource={items}
              pagination={
                items.length > PAGE_SIZE && {
                  pageSize: PAGE_SIZE,
                  showSizeChanger: false,
                  hideOnSinglePage: true,
                }
              }
              locale={{ emptyText: t('households.empty') }}
              columns={[
                {
                  title: t('households.number'),
                  dataIndex: 'number',
                  render: (_, h) => <Link to={path(h)}>{h.number}</Link>,
                },
                { title: t('households.head'), dataIndex: 'headName' },
                { title: t('households.group'), dataIndex: 'group' },
                {
                  title: t('households.memberCount'),
                  key: 'members',
                  align: 'right',
                  render: (_, h) => h.members.length,
                },
                {
                  title: t('households.address'),
                  dataIndex: 'address',
                  render: (_, h) => h.address ?? t('common.none'),
                },
                {
                  title: t('common.actions'),
                  key: 'actions',
                  render: (_, h) => (
                    <Button size="small" onClick={() => void navigate(path(h))}>
                      {t('households.open')}
                    </Button>
                  ),
                },
              ]}
            />
          </>
        )}
      </Card>
      {importing && (
        <RosterImportModal
          villageId={villageId}
          onClose={() => setImporting(false)}
          onImported={(text) => {
            setImporting(false);
            void message.success(text);
            first.reload();
          }}
        />
      )}
      {creating && (
        <CreateHouseholdModal
          villageId={villageId}
          onClose={() => setCreating(false)}
          onCreated={(h) => {
            setCreating(false);
            void message.success(t('households.created', { number: h.number, name: h.headName }));
            void navigate(path(h));
          }}
        />
      )}
    </>
  );
}
