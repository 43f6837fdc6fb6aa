import { builtinTemplates, type Rule, type RuleSetContent } from '@xjf/domain';
import { describe, expect, it } from 'vitest';
import { diffContent, isEmptyDiff } from '../../web/src/features/rules/diff';

const dafang = builtinTemplates.find((t) => t.id === 'builtin:dafang-eco')?.content;
if (!dafang) throw new Error('the Dafang template is missing');

const clone = (c: RuleSetContent): RuleSetContent => structuredClone(c);
const byCode = (c: RuleSetContent, code: string): Rule => {
  const rule = c.rules.find((r) => r.code === code);
  if (!rule) throw new Error(`no rule ${code}`);
  return rule;
};

describe('diff between two rule set versions', () => {
  it('finds nothing between a version and itself', () => {
    const diff = diffContent(dafang, clone(dafang));
    expect(isEmptyDiff(diff)).toBe(true);
    expect(diff.rulesChanged).toEqual([]);
  });

  it('names the changed fields of a rule, old → new', () => {
    const after = clone(dafang);
    const forest = byCode(after, 'ECO-FOREST');
    forest.cap = { maxPoints: 300, period: 'year' };
    forest.evidenceRequired = false;
    const diff = diffContent(dafang, after);
    expect(diff.rulesChanged).toEqual([
      {
        code: 'ECO-FOREST',
        name: '林下种植',
        changes: [
          { field: 'cap.maxPoints', before: 200, after: 300 },
          { field: 'evidenceRequired', before: true, after: false },
        ],
      },
    ]);
    expect(diff.rulesAdded).toEqual([]);
    expect(diff.rulesRemoved).toEqual([]);
  });

  it('reports a new cap, a removed cap and a change of shape field by field', () => {
    const after = clone(dafang);
    byCode(after, 'ECO-BURN').cap = { maxOccurrences: 3, period: 'month' };
    delete byCode(after, 'ECO-HOMESTEAD').cap;
    byCode(after, 'ECO-SACRIFICE').shape = { kind: 'perUnit', points: 2, unitSize: 0.5, unit: '次' };
    const changes = Object.fromEntries(
      diffContent(dafang, after).rulesChanged.map((c) => [c.code, c.changes]),
    );
    expect(changes['ECO-BURN']).toEqual([
      { field: 'cap.maxOccurrences', before: undefined, after: 3 },
      { field: 'cap.period', before: undefined, after: 'month' },
    ]);
    expect(changes['ECO-HOMESTEAD']).toEqual([
      { field: 'cap.maxPoints', before: 300, after: undefined },
      { field: 'cap.period', before: 'ever', after: undefined },
    ]);
    expect(changes['ECO-SACRIFICE']).toEqual([
      { field: 'shape.kind', before: 'fixed', after: 'perUnit' },
      { field: 'shape.points', before: 5, after: 2 },
      { field: 'shape.unitSize', before: undefined, after: 0.5 },
      { field: 'shape.unit', before: undefined, after: '次' },
    ]);
  });

  it('lists rules and categories added and removed; a new code is a remove and an add', () => {
    const after = clone(dafang);
    after.categories = after.categories.filter((c) => c !== '生态带动').concat('违规扣分');
    after.rules = after.rules.filter((r) => r.code !== 'ECO-LEAD');
    const burn = byCode(after, 'ECO-BURN');
    burn.code = 'DED-BURN';
    burn.category = '违规扣分';
    const diff = diffContent(dafang, after);
    expect(diff.categoriesAdded).toEqual(['违规扣分']);
    expect(diff.categoriesRemoved).toEqual(['生态带动']);
    expect(diff.rulesAdded.map((r) => r.code)).toEqual(['DED-BURN']);
    expect(diff.rulesRemoved.map((r) => r.code)).toEqual(['ECO-LEAD', 'ECO-BURN']);
    expect(diff.rulesChanged).toEqual([]);
  });

  it('treats an empty description like none, and reads a diff from nothing as all added', () => {
    const after = clone(dafang);
    byCode(after, 'ECO-BURN').description = '';
    const before = clone(dafang);
    delete byCode(before, 'ECO-BURN').description;
    expect(isEmptyDiff(diffContent(before, after))).toBe(true);

    const fromEmpty = diffContent({ categories: [], rules: [] }, dafang);
    expect(fromEmpty.rulesAdded).toHaveLength(dafang.rules.length);
    expect(fromEmpty.categoriesAdded).toEqual(dafang.categories);
  });
});
