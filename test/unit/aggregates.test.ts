import { aggregateDelta, monthOf, sumDeltas, UNCATEGORIZED } from '@xjf/domain';
import { describe, expect, it } from 'vitest';

describe('what a ledger entry adds to its village’s month', () => {
  it('counts earnings, deductions and their reversals by category and recorder', () => {
    const earn = aggregateDelta({ kind: 'earn', points: 100, category: '生态', recordedBy: 'r1' });
    const deduct = aggregateDelta({ kind: 'deduct', points: -5, category: '违规扣分', recordedBy: 'r2' });
    const undoEarn = aggregateDelta({ kind: 'reversal', points: -100, category: '生态', recordedBy: 'r1' });
    const undoDeduct = aggregateDelta({
      kind: 'reversal',
      points: 5,
      category: '违规扣分',
      recordedBy: 'r2',
    });
    expect(earn).toMatchObject({
      earned: 100,
      records: 1,
      categories: { 生态: 100 },
      recorders: { r1: 100 },
    });
    expect(deduct).toMatchObject({ deducted: 5, records: 1, categories: { 违规扣分: -5 } });
    const all = sumDeltas([earn, deduct, undoEarn, undoDeduct]);
    expect(all).toEqual({
      earned: 0,
      deducted: 0,
      redeemed: 0,
      expired: 0,
      records: 0,
      categories: { 生态: 0, 违规扣分: 0 },
      recorders: { r1: 0, r2: 0 },
    });
  });

  it('counts a villager’s own declaration in its category but behind no recorder', () => {
    const declared = aggregateDelta({
      kind: 'earn',
      points: 20,
      category: '绿色出行',
      recordedBy: 'villager-1',
      selfDeclared: true,
    });
    expect(declared).toMatchObject({ earned: 20, records: 1, categories: { 绿色出行: 20 }, recorders: {} });
    const undo = aggregateDelta({
      kind: 'reversal',
      points: -20,
      recordedBy: 'villager-1',
      selfDeclared: true,
    });
    expect(undo.recorders).toEqual({});
  });

  it('counts redemptions and their cancellations as points redeemed only', () => {
    const sold = aggregateDelta({ kind: 'redeem', points: -30 });
    const back = aggregateDelta({ kind: 'redeem_cancel', points: 30 });
    expect(sold).toMatchObject({ redeemed: 30, earned: 0, records: 0, categories: {} });
    expect(sumDeltas([sold, back]).redeemed).toBe(0);
  });

  it('files entries without a category under 未分类 and in their China month', () => {
    expect(aggregateDelta({ kind: 'earn', points: 1 }).categories).toEqual({ [UNCATEGORIZED]: 1 });
    expect(monthOf('2026-05-31T16:30:00.000Z')).toBe('2026-06');
    expect(monthOf('2026-05-31T15:59:59.000Z')).toBe('2026-05');
  });
});
