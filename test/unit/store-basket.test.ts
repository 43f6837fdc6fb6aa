import { describe, expect, it } from 'vitest';
import { addOne, basketTotal, overStock, removeOne, reprice } from '../../web/src/features/store/basket';
import type { StoreItem } from '../../web/src/features/store/store-api';

const at = '2026-11-01T00:00:00.000Z';
const item = (
  id: string,
  name: string,
  price: number,
  stock: number,
  status: StoreItem['status'] = 'active',
) =>
  ({
    id,
    name,
    price,
    unit: '袋',
    stock,
    lowStockAt: 5,
    status,
    createdAt: at,
    updatedAt: at,
  }) satisfies StoreItem;

const rice = item('rice0000000001', '大米 10斤', 30, 2);
const soap = item('soap0000000001', '肥皂', 4, 10);

describe('the counter basket', () => {
  it('adds one at a time, never more than the shelf holds, and totals at the prices seen', () => {
    let basket = addOne([], rice);
    basket = addOne(basket, rice);
    basket = addOne(basket, rice);
    basket = addOne(basket, soap);
    expect(basket.map((l) => [l.name, l.quantity])).toEqual([
      ['大米 10斤', 2],
      ['肥皂', 1],
    ]);
    expect(basketTotal(basket)).toBe(64);
    expect(addOne([], item('none0000000001', '食盐', 3, 0))).toEqual([]);
  });

  it('drops a line when its last unit is taken out', () => {
    const basket = removeOne(addOne(addOne([], soap), rice), 'rice0000000001');
    expect(basket.map((l) => l.name)).toEqual(['肥皂']);
  });

  it('takes the new prices after a price change and lists them; retired items leave', () => {
    const basket = addOne(addOne([], rice), soap);
    const shelf = [
      { ...rice, price: 35 },
      { ...soap, status: 'retired' as const },
    ];
    const { basket: next, changes, removed } = reprice(basket, shelf);
    expect(changes).toEqual([{ name: '大米 10斤', from: 30, to: 35 }]);
    expect(removed).toEqual(['肥皂']);
    expect(next).toEqual([{ itemId: rice.id, name: '大米 10斤', unit: '袋', price: 35, quantity: 1 }]);
    expect(basketTotal(next)).toBe(35);
  });

  it('names the lines asking for more than is left', () => {
    const basket = addOne(addOne([], rice), rice);
    expect(overStock(basket, [{ ...rice, stock: 1 }]).map((l) => [l.name, l.stock])).toEqual([
      ['大米 10斤', 1],
    ]);
    expect(overStock(basket, [rice])).toEqual([]);
  });
});
