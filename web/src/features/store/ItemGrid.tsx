import { Button, Empty, Flex, Tag, Typography, theme } from 'antd';
import { useTranslation } from 'react-i18next';
import { type BasketLine, quantityOf } from './basket';
import type { StoreItem } from './store-api';

/**
 * The shelf as big buttons: one click adds one. Sold-out items (or all of an item already in
 * the basket) cannot be picked, so the clerk never offers what is not there.
 */
export function ItemGrid(props: {
  items: StoreItem[];
  basket: BasketLine[];
  disabled: boolean;
  onAdd: (item: StoreItem) => void;
}) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  if (props.items.length === 0) return <Empty description={t('store.counter.noItems')} />;
  return (
    <div style={{ display: 'grid', gap: 12, gridTemplateColumns: 'repeat(auto-fill, minmax(150px, 1fr))' }}>
      {props.items.map((item) => {
        const inBasket = quantityOf(props.basket, item.id);
        const soldOut = item.stock < 1;
        return (
          <Button
            key={item.id}
            data-testid="counter-item"
            data-item={item.name}
            disabled={props.disabled || soldOut || inBasket >= item.stock}
            onClick={() => props.onAdd(item)}
            style={{ width: '100%', height: 'auto', padding: 12, whiteSpace: 'normal' }}
          >
            <Flex vertical align="center" gap={2} style={{ width: '100%' }}>
              {item.photoUrl && (
                // A plain picture: the whole tile is the button, a click adds the item.
                <img
                  src={item.photoUrl}
                  alt=""
                  style={{ width: 64, height: 64, objectFit: 'cover', borderRadius: 6 }}
                />
              )}
              <Typography.Text strong>{item.name}</Typography.Text>
              <Typography.Text style={{ color: token.colorPrimary }}>
                {t('store.catalog.perUnit', { price: item.price, unit: item.unit })}
              </Typography.Text>
              <Typography.Text
                type={soldOut ? 'danger' : item.stock <= item.lowStockAt ? 'warning' : 'secondary'}
                style={{ fontSize: 12 }}
                data-testid="counter-item-stock"
              >
                {soldOut ? t('store.catalog.soldOut') : t('store.counter.inStock', { stock: item.stock })}
              </Typography.Text>
              {inBasket > 0 && <Tag color="green">× {inBasket}</Tag>}
            </Flex>
          </Button>
        );
      })}
    </div>
  );
}
