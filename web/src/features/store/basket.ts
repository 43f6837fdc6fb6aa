import type { StoreItem } from './store-api';

/** A line as the clerk sees it: the price is the one shown at the counter, sent back to the API. */
export type BasketLine = { itemId: string; name: string; unit: string; price: number; quantity: number };

export const basketTotal = (basket: BasketLine[]) => basket.reduce((sum, l) => sum + l.price * l.quantity, 0);

export const quantityOf = (basket: BasketLine[], itemId: string) =>
  basket.find((l) => l.itemId === itemId)?.quantity ?? 0;

/** One more of an item, never more than the shelf holds. */
export function addOne(basket: BasketLine[], item: StoreItem): BasketLine[] {
  const line = basket.find((l) => l.itemId === item.id);
  if (!line) {
    if (item.stock < 1) return basket;
    const { id, name, unit, price } = item;
    return [...basket, { itemId: id, name, unit, price, quantity: 1 }];
  }
  if (line.quantity >= item.stock) return basket;
  return basket.map((l) => (l === line ? { ...l, quantity: l.quantity + 1 } : l));
}

/** One fewer; the line goes at zero. */
export function removeOne(basket: BasketLine[], itemId: string): BasketLine[] {
  return basket
    .map((l) => (l.itemId === itemId ? { ...l, quantity: l.quantity - 1 } : l))
    .filter((l) => l.quantity > 0);
}

export type PriceChange = { name: string; from: number; to: number };

/**
 * The basket against a fresh read of the shelf: new prices replace the ones the clerk saw
 * (and are listed, to tell the household), retired or vanished items leave the basket.
 */
export function reprice(basket: BasketLine[], shelf: StoreItem[]) {
  const byId = new Map(shelf.map((i) => [i.id, i]));
  const changes: PriceChange[] = [];
  const removed: string[] = [];
  const next: BasketLine[] = [];
  for (const line of basket) {
    const item = byId.get(line.itemId);
    if (item?.status !== 'active') {
      removed.push(line.name);
      continue;
    }
    if (item.price !== line.price) changes.push({ name: item.name, from: line.price, to: item.price });
    next.push({ ...line, name: item.name, unit: item.unit, price: item.price });
  }
  return { basket: next, changes, removed };
}

/** Lines asking for more than the shelf now holds. */
export function overStock(basket: BasketLine[], shelf: StoreItem[]) {
  const byId = new Map(shelf.map((i) => [i.id, i]));
  return basket.flatMap((l) => {
    const stock = byId.get(l.itemId)?.stock ?? 0;
    return l.quantity > stock ? [{ ...l, stock }] : [];
  });
}
