import { PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Collapse, Flex, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { LoadError } from '../../components/LoadError';
import { errorText } from '../../lib/errors';
import { formatNumber } from '../../lib/format';
import { useLoad } from '../../lib/use-load';
import { useMe } from '../auth/session';
import { VillageCrumbs } from '../households/VillageCrumbs';
import { PhotoThumbs } from '../photos/PhotoThumbs';
import { ItemModal } from './ItemModal';
import { MovementsDrawer } from './MovementsDrawer';
import { StockModal } from './StockModal';
import { listItems, patchItem, type StoreItem } from './store-api';

type Dialog =
  | { kind: 'add' }
  | { kind: 'edit'; item: StoreItem }
  | { kind: 'intake' | 'adjustment'; item: StoreItem }
  | { kind: 'history'; item: StoreItem };

const byName = (a: StoreItem, b: StoreItem) => a.name.localeCompare(b.name, 'zh-CN');

/** 超市商品: the shelf with prices and stock; clerks and the admin keep it, others read it. */
export function CatalogPage() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const me = useMe();
  const villageId = useParams().villageId ?? '';
  const keeps = me.role === 'store_clerk' || me.role === 'village_admin';
  const [dialog, setDialog] = useState<Dialog>();
  const [busy, setBusy] = useState<string>();
  const items = useLoad(useCallback(() => listItems(villageId), [villageId]));
  const all = [...(items.data ?? [])].sort(byName);
  const onSale = all.filter((i) => i.status === 'active');
  const retired = all.filter((i) => i.status === 'retired');
  const n = (value: number) => formatNumber(value, i18n.language);

  const done = (text: string) => {
    setDialog(undefined);
    void message.success(text);
    items.reload();
  };

  async function setRetired(item: StoreItem, retire: boolean) {
    setBusy(item.id);
    try {
      await patchItem(villageId, item.id, { retired: retire });
      done(t(retire ? 'store.catalog.retiredDone' : 'store.catalog.reactivated', { name: item.name }));
    } catch (error) {
      void message.error(errorText(error, t, i18n.language));
    } finally {
      setBusy(undefined);
    }
  }

  const columns = (active: boolean): ColumnsType<StoreItem> => [
    {
      title: t('store.catalog.name'),
      dataIndex: 'name',
      render: (name: string, item) => (
        <Space>
          <PhotoThumbs urls={item.photoUrl ? [item.photoUrl] : undefined} />
          {name}
          {active && item.stock === 0 && <Tag color="red">{t('store.catalog.soldOut')}</Tag>}
          {active && item.stock > 0 && item.stock <= item.lowStockAt && (
            <Tag color="orange">{t('store.catalog.lowStock')}</Tag>
          )}
        </Space>
      ),
    },
    { title: t('store.catalog.price'), dataIndex: 'price', align: 'right', render: n },
    { title: t('store.catalog.unit'), dataIndex: 'unit' },
    {
      title: t('store.catalog.stock'),
      dataIndex: 'stock',
      align: 'right',
      render: (stock: number) => <span data-testid="item-stock">{n(stock)}</span>,
    },
    { title: t('store.catalog.lowStockAt'), dataIndex: 'lowStockAt', align: 'right', render: n },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_, item) => (
        <Space wrap size={4}>
          {keeps && active && (
            <>
              <Button size="small" type="primary" ghost onClick={() => setDialog({ kind: 'intake', item })}>
                {t('store.catalog.intake')}
              </Button>
              <Button size="small" onClick={() => setDialog({ kind: 'adjustment', item })}>
                {t('store.catalog.adjust')}
              </Button>
              <Button size="small" onClick={() => setDialog({ kind: 'edit', item })}>
                {t('common.edit')}
              </Button>
            </>
          )}
          <Button size="small" type="link" onClick={() => setDialog({ kind: 'history', item })}>
            {t('store.catalog.history')}
          </Button>
          {keeps && (
            <Button
              size="small"
              type="link"
              danger={active}
              loading={busy === item.id}
              onClick={() => void setRetired(item, active)}
            >
              {active ? t('store.catalog.retire') : t('store.catalog.reactivate')}
            </Button>
          )}
        </Space>
      ),
    },
  ];

  if (items.error) return <LoadError error={items.error} onRetry={items.reload} />;

  return (
    <>
      <VillageCrumbs villageId={villageId} villageName={me.villageName} trail={[t('store.catalog.title')]} />
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={3}>{t('store.catalog.title')}</Typography.Title>
        {keeps && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setDialog({ kind: 'add' })}>
            {t('store.catalog.add')}
          </Button>
        )}
      </Flex>
      <Typography.Paragraph type="secondary">{t('store.catalog.intro')}</Typography.Paragraph>
      {!keeps && <Alert type="info" showIcon title={t('store.readOnly')} style={{ marginBottom: 16 }} />}
      <Card title={t('store.catalog.onSale')} style={{ marginBottom: 16 }}>
        <Table<StoreItem>
          rowKey="id"
          scroll={{ x: 'max-content' }}
          loading={items.loading}
          dataSource={onSale}
          pagination={false}
          columns={columns(true)}
          locale={{ emptyText: t('store.catalog.empty') }}
        />
      </Card>
      <Collapse
        items={[
          {
            key: 'retired',
            label: `${t('store.catalog.retired')}（${retired.length}）`,
            children: (
              <Table<StoreItem>
                rowKey="id"
                size="small"
                scroll={{ x: 'max-content' }}
                dataSource={retired}
                pagination={false}
                columns={columns(false)}
                locale={{ emptyText: t('store.catalog.noRetired') }}
              />
            ),
          },
        ]}
      />
      {(dialog?.kind === 'add' || dialog?.kind === 'edit') && (
        <ItemModal
          villageId={villageId}
          item={dialog.kind === 'edit' ? dialog.item : undefined}
          onClose={() => setDialog(undefined)}
          onDone={(item) =>
            done(
              t(dialog.kind === 'add' ? 'store.catalog.added' : 'store.catalog.saved', { name: item.name }),
            )
          }
        />
      )}
      {(dialog?.kind === 'intake' || dialog?.kind === 'adjustment') && (
        <StockModal
          villageId={villageId}
          item={dialog.item}
          kind={dialog.kind}
          onClose={() => setDialog(undefined)}
          onDone={(_, text) => done(text)}
        />
      )}
      {dialog?.kind === 'history' && (
        <MovementsDrawer villageId={villageId} item={dialog.item} onClose={() => setDialog(undefined)} />
      )}
    </>
  );
}
