import {
  assertMayCancel,
  DEFAULT_STORE_SETTINGS,
  isLowStock,
  isRedemptionDay,
  newRedemptionCode,
  priceBasket,
  type Redemption,
  type StoreItem,
} from '@xjf/domain';
import { describe, expect, it } from 'vitest';

const item = (id: string, price: number, status: StoreItem['status'] = 'active'): StoreItem => ({
  id,
  name: `商品${id}`,
  price,
  unit: '袋',
  stock: 10,
  lowStockAt: 3,
  status,
  createdAt: '2026-05-01T00:00:00.000Z',
  updatedAt: '2026-05-01T00:00:00.000Z',
});
const shelf = (...items: StoreItem[]) => new Map(items.map((i) => [i.id, i]));

describe('redemption days', () => {
  const days = {
    restricted: true,
    weekdays: [6],
    monthDays: [15],
    periods: [{ from: '2026-03-25', to: '2026-03-31' }],
  };

  it('opens every day when not restricted', () => {
    expect(isRedemptionDay({ ...days, restricted: false }, '2026-05-20')).toBe(true);
  });

  it('opens on a listed weekday, day of the month, or inside a period, and nowhere else', () => {
    expect(isRedemptionDay(days, '2026-05-23')).toBe(true); // a Saturday
    expect(isRedemptionDay(days, '2026-05-15')).toBe(true);
    expect(isRedemptionDay(days, '2026-03-25')).toBe(true);
    expect(isRedemptionDay(days, '2026-03-31')).toBe(true);
    expect(isRedemptionDay(days, '2026-04-01')).toBe(false); // a Wednesday
    expect(isRedemptionDay(days, '2026-05-24')).toBe(false); // a Sunday
  });
});

describe('pricing a basket', () => {
  it('totals the lines at the shelf price', () => {
    const priced = priceBasket(
      [
        { itemId: 'a', quantity: 2, price: 10 },
        { itemId: 'b', quantity: 1, price: 7 },
      ],
      shelf(item('a', 10), item('b', 7)),
    );
    expect(priced.total).toBe(27);
    expect(priced.lines.map((l) => l.points)).toEqual([20, 7]);
  });

  it('names every changed price with the new one', () => {
    expect(() => priceBasket([{ itemId: 'a', quantity: 1, price: 10 }], shelf(item('a', 12)))).toThrow(
      expect.objectContaining({
        status: 409,
        code: 'price_changed',
        details: { prices: [{ itemId: 'a', price: 12 }] },
      }),
    );
  });

  it('refuses unknown and retired items with the line at fault', () => {
    expect(() =>
      priceBasket(
        [
          { itemId: 'x', quantity: 1, price: 1 },
          { itemId: 'r', quantity: 1, price: 5 },
        ],
        shelf(item('r', 5, 'retired')),
      ),
    ).toThrow(
      expect.objectContaining({
        status: 400,
        fields: expect.objectContaining({
          'lines.0.itemId': expect.any(String),
          'lines.1.itemId': expect.any(String),
        }),
      }),
    );
  });
});

describe('cancelling', () => {
  const sale = { status: 'completed', at: '2026-05-01T02:00:00.000Z' } as Redemption;
  it('is allowed within the period and refused after it or twice', () => {
    expect(() =>
      assertMayCancel(sale, DEFAULT_STORE_SETTINGS, new Date('2026-05-08T01:59:00Z')),
    ).not.toThrow();
    expect(() => assertMayCancel(sale, DEFAULT_STORE_SETTINGS, new Date('2026-05-08T02:01:00Z'))).toThrow(
      expect.objectContaining({ code: 'cancel_period_over' }),
    );
    expect(() =>
      assertMayCancel({ ...sale, status: 'cancelled' }, DEFAULT_STORE_SETTINGS, new Date(sale.at)),
    ).toThrow(expect.objectContaining({ code: 'already_cancelled' }));
  });
});

describe('small things at the counter', () => {
  it('warns of low stock only for items on sale', () => {
    expect(isLowStock({ stock: 3, lowStockAt: 3, status: 'active' })).toBe(true);
    expect(isLowStock({ stock: 4, lowStockAt: 3, status: 'active' })).toBe(false);
    expect(isLowStock({ stock: 0, lowStockAt: 3, status: 'retired' })).toBe(false);
  });

  it('prints codes without 0, O, 1 or I', () => {
    for (let i = 0; i < 200; i++) expect(newRedemptionCode()).toMatch(/^[2-9A-HJKMNP-Z]{6}$/);
  });
});
