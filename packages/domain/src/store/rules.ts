import { ConflictError, ForbiddenError, ValidationError } from '../errors';
import type { Redemption, RedemptionDays, StoreSettings } from './redemption-schemas';
import type { StoreItem } from './schemas';

const DAY_MS = 86_400_000;

/** ISO weekday (1 = Monday … 7 = Sunday) of a China date. */
const weekdayOf = (day: string) => ((new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7) + 1;

/** Whether the counter is open on a China date. */
export function isRedemptionDay(days: RedemptionDays, day: string): boolean {
  if (!days.restricted) return true;
  if (days.weekdays.includes(weekdayOf(day))) return true;
  if (days.monthDays.includes(Number(day.slice(8, 10)))) return true;
  return days.periods.some((p) => p.from <= day && day <= p.to);
}

export function assertRedemptionDay(days: RedemptionDays, day: string): void {
  if (!isRedemptionDay(days, day)) {
    throw new ForbiddenError(
      '今天不是兑换日，请在村里公布的兑换日再来 (the store does not redeem today)',
      'store_closed',
    );
  }
}

export type BasketLine = { itemId: string; quantity: number; price: number };

/**
 * Checks a basket against the shelf as the clerk saw it: every item on sale, the price the
 * clerk saw still the price. Returns the lines priced; stock and balance are checked by the
 * write itself, where no race can slip between check and sale.
 */
export function priceBasket(lines: BasketLine[], items: Map<string, StoreItem>) {
  const fields: Record<string, string> = {};
  const changed: { itemId: string; price: number }[] = [];
  const priced = lines.map((line, i) => {
    const item = items.get(line.itemId);
    if (!item) {
      fields[`lines.${i}.itemId`] = '没有这个商品 (no such item)';
      return undefined;
    }
    if (item.status !== 'active') fields[`lines.${i}.itemId`] = `${item.name}已下架 (retired)`;
    if (item.price !== line.price) changed.push({ itemId: item.id, price: item.price });
    return { itemId: item.id, name: item.name, unit: item.unit, quantity: line.quantity, price: item.price };
  });
  if (Object.keys(fields).length > 0) {
    throw new ValidationError(
      '购物篮中有无法兑换的商品 (some items cannot be redeemed)',
      fields,
      'item_unavailable',
    );
  }
  if (changed.length > 0) throw priceChanged(changed, items);
  const ready = priced.filter((l) => l !== undefined).map((l) => ({ ...l, points: l.price * l.quantity }));
  return { lines: ready, total: ready.reduce((sum, l) => sum + l.points, 0) };
}

export function priceChanged(changed: { itemId: string; price: number }[], items: Map<string, StoreItem>) {
  const names = changed.map((c) => `${items.get(c.itemId)?.name ?? c.itemId} 现价 ${c.price} 分`).join('，');
  return new ConflictError(
    'price_changed',
    `价格已变动，请确认后重试：${names} (a price changed; confirm and try again)`,
    undefined,
    { prices: changed },
  );
}

/** Only completed redemptions, and only within the village's cancellation period. */
export function assertMayCancel(redemption: Redemption, settings: StoreSettings, now: Date): void {
  if (redemption.status !== 'completed') {
    throw new ConflictError('already_cancelled', '该兑换已撤销 (already cancelled)');
  }
  const deadline = new Date(redemption.at).getTime() + settings.cancelWithinDays * DAY_MS;
  if (now.getTime() > deadline) {
    throw new ConflictError(
      'cancel_period_over',
      `已超过 ${settings.cancelWithinDays} 天的撤销期限 (past the cancellation period)`,
    );
  }
}

export const isLowStock = (item: Pick<StoreItem, 'stock' | 'lowStockAt' | 'status'>) =>
  item.status === 'active' && item.stock <= item.lowStockAt;

const CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';

/** Six characters a villager can read back from a receipt without confusing 0/O or 1/I. */
export function newRedemptionCode(): string {
  const bytes = globalThis.crypto.getRandomValues(new Uint8Array(6));
  return Array.from(bytes, (b) => CODE_ALPHABET[b % CODE_ALPHABET.length]).join('');
}
