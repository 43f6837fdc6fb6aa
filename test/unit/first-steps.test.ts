import { type FirstStepsState, firstSteps, programNameOf } from '@xjf/domain';
import { describe, expect, it } from 'vitest';

const fresh: FirstStepsState = {
  publishedRuleSets: 0,
  households: 0,
  staff: 1,
  townshipReview: false,
  storeItems: 0,
  approvedRecords: 0,
};
const doneKeys = (s: FirstStepsState) =>
  firstSteps(s)
    .steps.filter((x) => x.done)
    .map((x) => x.key);

describe('first steps', () => {
  it('has every step open for a village just onboarded (its admin alone, a draft rule set)', () => {
    const steps = firstSteps(fresh);
    expect(steps.steps.map((s) => s.key)).toEqual(['rules', 'households', 'helpers', 'store', 'board']);
    expect(steps.done).toBe(false);
    expect(doneKeys(fresh)).toEqual([]);
  });

  it('ticks each step from its own fact', () => {
    expect(doneKeys({ ...fresh, publishedRuleSets: 1 })).toEqual(['rules']);
    expect(doneKeys({ ...fresh, households: 12 })).toEqual(['households']);
    expect(doneKeys({ ...fresh, staff: 2 })).toEqual(['helpers']);
    expect(doneKeys({ ...fresh, townshipReview: true })).toEqual(['helpers']);
    expect(doneKeys({ ...fresh, storeItems: 1 })).toEqual(['store']);
    expect(doneKeys({ ...fresh, approvedRecords: 1 })).toEqual(['board']);
  });

  it('is done when every step is', () => {
    const all = {
      publishedRuleSets: 1,
      households: 3,
      staff: 1,
      townshipReview: true,
      storeItems: 2,
      approvedRecords: 5,
    };
    expect(firstSteps(all).done).toBe(true);
    expect(firstSteps({ ...all, storeItems: 0 }).done).toBe(false);
  });
});

describe('program named after its template', () => {
  it('keeps a template name without a place, and drops the place of another village or county', () => {
    expect(programNameOf('村务参与积分')).toBe('村务参与积分');
    expect(programNameOf('小坡村文明积分')).toBe('文明积分');
    expect(programNameOf('音寨村志愿服务积分')).toBe('志愿服务积分');
    expect(programNameOf('大方县生态积分')).toBe('生态积分');
    expect(programNameOf('清镇市生态积分')).toBe('生态积分');
  });

  it('does not cut a name that only starts with 乡 or 村', () => {
    expect(programNameOf('乡村振兴积分')).toBe('乡村振兴积分');
    expect(programNameOf('美丽乡村积分')).toBe('美丽乡村积分');
    expect(programNameOf('孝老爱亲')).toBe('孝老爱亲');
  });

  it('drops the county of a county template', () => {
    expect(programNameOf('黔西市乡风文明积分', '黔西市')).toBe('乡风文明积分');
    expect(programNameOf('大方县', '大方县')).toBe('大方县');
  });
});
