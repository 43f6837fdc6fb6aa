import { CloseOutlined, MinusOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Divider, Empty, Flex, Statistic, Typography, theme } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../lib/format';
import { type BasketLine, basketTotal } from './basket';
import type { StoreItem } from './store-api';

/** The basket beside the shelf: lines with − and +, the total against the household's balance. */
export function BasketCard(props: {
  basket: BasketLine[];
  shelf: StoreItem[];
  balance?: number;
  /** The program the store spends: the balance is that program's, never a sum of programs. */
  programName?: string;
  submitting: boolean;
  /** Why the basket cannot be sent yet (no household, no program), if anything. */
  blocked: boolean;
  alert?: ReactNode;
  onMore: (itemId: string) => void;
  onLess: (itemId: string) => void;
  onRemove: (itemId: string) => void;
  onClear: () => void;
  onConfirm: () => void;
}) {
  const { t, i18n } = useTranslation();
  const { token } = theme.useToken();
  const n = (value: number) => formatNumber(value, i18n.language);
  const total = basketTotal(props.basket);
  const short = props.balance !== undefined ? total - props.balance : 0;
  const stockOf = (itemId: string) => props.shelf.find((i) => i.id === itemId)?.stock ?? 0;

  return (
    <Card title={t('store.counter.basket')} data-testid="basket">
      {props.basket.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('store.counter.basketEmpty')} />
      ) : (
        props.basket.map((line) => (
          <Flex
            key={line.itemId}
            align="center"
            gap={8}
            style={{ marginBottom: 8 }}
            data-testid="basket-line"
          >
            <span style={{ flex: 1 }}>
              {line.name}
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {' '}
                {t('store.catalog.perUnit', { price: line.price, unit: line.unit })}
              </Typography.Text>
            </span>
            <Button
              size="small"
              icon={<MinusOutlined />}
              aria-label={t('store.counter.less', { name: line.name })}
              onClick={() => props.onLess(line.itemId)}
            />
            <Typography.Text strong style={{ minWidth: 24, textAlign: 'center' }}>
              {line.quantity}
            </Typography.Text>
            <Button
              size="small"
              icon={<PlusOutlined />}
              aria-label={t('store.counter.more', { name: line.name })}
              disabled={line.quantity >= stockOf(line.itemId)}
              onClick={() => props.onMore(line.itemId)}
            />
            <Typography.Text style={{ minWidth: 56, textAlign: 'right' }}>
              {n(line.price * line.quantity)}
            </Typography.Text>
            <Button
              size="small"
              type="text"
              icon={<CloseOutlined />}
              aria-label={t('store.counter.remove', { name: line.name })}
              onClick={() => props.onRemove(line.itemId)}
            />
          </Flex>
        ))
      )}
      <Divider style={{ margin: '12px 0' }} />
      <Flex gap={24} wrap>
        <Statistic title={t('store.counter.total')} value={n(total)} suffix={t('store.pointsUnit')} />
        {props.balance !== undefined && (
          <>
            <div data-testid="counter-balance">
              <Statistic
                title={
                  props.programName
                    ? t('store.counter.balanceOf', { program: props.programName })
                    : t('store.counter.balance')
                }
                value={n(props.balance)}
                suffix={t('store.pointsUnit')}
              />
            </div>
            <Statistic
              title={t('store.counter.after')}
              value={n(props.balance - total)}
              suffix={t('store.pointsUnit')}
              styles={short > 0 ? { content: { color: token.colorError } } : undefined}
            />
          </>
        )}
      </Flex>
      {short > 0 && (
        <Typography.Text type="danger">{t('store.counter.short', { points: n(short) })}</Typography.Text>
      )}
      {props.alert && <div style={{ marginTop: 12 }}>{props.alert}</div>}
      <Flex gap={8} style={{ marginTop: 16 }}>
        <Button
          type="primary"
          size="large"
          block
          loading={props.submitting}
          disabled={props.blocked || props.basket.length === 0 || short > 0}
          onClick={props.onConfirm}
        >
          {t('store.counter.confirm', { total: n(total) })}
        </Button>
        <Button size="large" disabled={props.basket.length === 0 || props.submitting} onClick={props.onClear}>
          {t('store.counter.clear')}
        </Button>
      </Flex>
    </Card>
  );
}
