import { householdCreateSchema, householdSearchText, maskName } from '@xjf/domain';
import { describe, expect, it } from 'vitest';

describe('names on the public notice board', () => {
  it('keeps the first and last character of a name', () => {
    expect(maskName('罗先和')).toBe('罗*和');
    expect(maskName('欧阳春燕')).toBe('欧**燕');
    expect(maskName('王强')).toBe('王*');
    expect(maskName('张')).toBe('张');
  });
});

describe('households', () => {
  it('search every member and the number', () => {
    expect(householdSearchText({ number: '0012', members: [{ name: '罗先和' }, { name: '罗小明' }] })).toBe(
      '0012 罗先和 罗小明',
    );
  });

  it('need exactly one head', () => {
    const base = { number: '1', group: '第一组' };
    expect(
      householdCreateSchema.safeParse({ ...base, members: [{ name: '甲', relation: '户主' }] }).success,
    ).toBe(true);
    const twoHeads = [
      { name: '甲', relation: '户主' },
      { name: '乙', relation: '户主' },
    ];
    expect(householdCreateSchema.safeParse({ ...base, members: twoHeads }).success).toBe(false);
  });
});
