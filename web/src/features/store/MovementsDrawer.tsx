import { Button, Drawer, Flex, Table, Tag, Typography, theme } from 'antd';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadError } from '../../components/LoadError';
import { formatDateTime } from '../../lib/format';
import { useLoad } from '../../lib/use-load';
import { listStockMovements, type StockMovement, type StoreItem } from './store-api';

const kindColors: Record<StockMovement['kind'], string> = {
  intake: 'green',
  adjustment: 'gold',
  redemption: 'blue',
  cancellation: 'orange',
};

/** An item's stock movements, newest first: how its stock came to be what it is. */
export function MovementsDrawer(props: { villageId: string; item: StoreItem; onClose: () => void }) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const { villageId, item } = props;
  const first = useLoad(useCallback(() => listStockMovements(villageId, item.id), [villageId, item.id]));
  const [further, setFurther] = useState<{ items: StockMovement[]; nextCursor?: string }>();
  const [loadingMore, setLoadingMore] = useState(false);
  const items = [...(first.data?.items ?? []), ...(further?.items ?? [])];
  const nextCursor = further ? further.nextCursor : first.data?.nextCursor;

  async function loadMore() {
    if (!nextCursor) return;
    setLoadingMore(true);
    try {
      const page = await listStockMovements(villageId, item.id, nextCursor);
      setFurther({ items: [...(further?.items ?? []), ...page.items], nextCursor: page.nextCursor });
    } finally {
      setLoadingMore(false);
    }
  }

  const detail = (m: StockMovement) => {
    if (m.kind === 'intake') {
      const parts = [
        m.source && t(`store.stock.sources.${m.source}`),
        m.costYuan !== undefined && `¥${m.costYuan.toFixed(2)}`,
        m.note,
      ];
      return parts.filter(Boolean).join(' · ');
    }
    return m.reason ?? t('common.none');
  };

  return (
    <Drawer
      open
      size="large"
      title={t('store.stock.historyTitle', { name: item.name })}
      onClose={props.onClose}
    >
      {first.error ? (
        <LoadError error={first.error} onRetry={first.reload} />
      ) : (
        <Table<StockMovement>
          rowKey="id"
          size="small"
          loading={first.loading}
          dataSource={items}
          pagination={false}
          locale={{ emptyText: t('store.stock.empty') }}
          columns={[
            { title: t('store.stock.at'), dataIndex: 'at', render: (at: string) => formatDateTime(at) },
            {
              title: t('store.stock.kind'),
              dataIndex: 'kind',
              render: (k: StockMovement['kind']) => (
                <Tag color={kindColors[k]}>{t(`store.stock.kinds.${k}`)}</Tag>
              ),
            },
            {
              title: t('store.stock.change'),
              dataIndex: 'delta',
              align: 'right',
              render: (d: number) => (
                <Typography.Text strong style={{ color: d < 0 ? token.colorError : token.colorSuccess }}>
                  {d > 0 ? `+${d}` : d}
                </Typography.Text>
              ),
            },
            { title: t('store.stock.detail'), key: 'detail', render: (_, m) => detail(m) },
            { title: t('store.stock.by'), dataIndex: 'by' },
          ]}
        />
      )}
      {nextCursor && (
        <Flex justify="center" style={{ marginTop: 16 }}>
          <Button loading={loadingMore} onClick={() => void loadMore()}>
            {t('common.loadMore')}
          </Button>
        </Flex>
      )}
    </Drawer>
  );
}
