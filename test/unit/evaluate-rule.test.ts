import { builtinTemplates, evaluateRule, type Rule, ruleSetContentSchema, type Usage } from '@xjf/domain';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ARTICLE_ECO } from '../../packages/local/src/seed-article';

const dafang = builtinTemplates.find((t) => t.id === 'builtin:dafang-eco');
const rule = (code: string): Rule => {
  const found = dafang?.content.rules.find((r) => r.code === code);
  if (!found) throw new Error(`no rule ${code}`);
  return found;
};
const none = { points: 0, occurrences: 0 };

describe('evaluating a rule (DOMAIN.md figures)', () => {
  it('gives 1 point per 5 m² of homestead: 180 m² → 36 points', () => {
    const result = evaluateRule(rule('ECO-HOMESTEAD'), { quantity: 180, usage: none });
    expect(result).toMatchObject({ points: 36, capped: false });
    expect(result.explanation.zh).toBe('宅基地 180 m² ÷ 5 m² × 1 分 = 36 分');
    expect(result.explanation.en).toBe('宅基地: 180 m² ÷ 5 m² × 1 pts = 36 pts');
  });

  it('gives 5 points per mu of under-forest planting: 20 mu → 100 points', () => {
    expect(evaluateRule(rule('ECO-FOREST'), { quantity: 20, usage: none }).points).toBe(100);
  });

  it("stops Lin Maoping's 400 mu at the cap instead of 2,000 points", () => {
    const result = evaluateRule(rule('ECO-FOREST'), { quantity: 400, usage: none });
    expect(result).toMatchObject({ points: 200, uncapped: 2000, capped: true });
    expect(result.explanation.zh).toContain('封顶 200 分');
  });

  it('counts what the period already used against the cap', () => {
    const result = evaluateRule(rule('ECO-FOREST'), { quantity: 20, usage: { points: 180, occurrences: 3 } });
    expect(result.points).toBe(20);
    expect(result.explanation.zh).toContain('本年度已计 180 分，本次计 20 分');
  });

  it('says which whole units it counted when a part is left over: 7.5 mu counts 7', () => {
    const forest = evaluateRule(rule('ECO-FOREST'), { quantity: 7.5, usage: none });
    expect(forest).toMatchObject({ points: 35, capped: false });
    expect(forest.explanation.zh).toBe('林下种植 7.5 亩，计 7 亩 × 5 分/亩 = 35 分');
    expect(forest.explanation.en).toBe('林下种植: 7.5 亩, 7 亩 counted × 5 pts/亩 = 35 pts');
    const homestead = evaluateRule(rule('ECO-HOMESTEAD'), { quantity: 183.99, usage: none });
    expect(homestead.explanation.zh).toBe('宅基地 183.99 m²，计 36 个 5 m² × 1 分 = 36 分');
    expect(homestead.explanation.en).toBe('宅基地: 183.99 m², 36 blocks of 5 m² × 1 pts = 36 pts');
    // Less than one unit counts none, and says so.
    expect(evaluateRule(rule('ECO-FOREST'), { quantity: 0.5, usage: none }).explanation.zh).toBe(
      '林下种植 0.5 亩，计 0 亩 × 5 分/亩 = 0 分',
    );
  });

  it('rounds fractions down: 183 m² is 36 points, 0.3 mu of 0.1-mu units is 3 units', () => {
    expect(evaluateRule(rule('ECO-HOMESTEAD'), { quantity: 183.99, usage: none }).points).toBe(36);
    const tenths: Rule = {
      ...rule('ECO-FOREST'),
      shape: { kind: 'perUnit', points: 1, unitSize: 0.1, unit: '亩' },
      cap: undefined,
    };
    expect(evaluateRule(tenths, { quantity: 0.3, usage: none }).points).toBe(3);
  });

  it('gives 5 points for a civilized sacrifice, and nothing once the yearly times are used', () => {
    expect(evaluateRule(rule('ECO-SACRIFICE'), { usage: none }).points).toBe(5);
    const over = evaluateRule(rule('ECO-SACRIFICE'), { usage: { points: 10, occurrences: 2 } });
    expect(over).toMatchObject({ points: 0, capped: true });
    expect(over.explanation.zh).toContain('本年度已达 2 次上限');
  });

  it('keeps deductions negative', () => {
    const result = evaluateRule(rule('ECO-BURN'), { usage: none });
    expect(result.points).toBe(-10);
    expect(result.explanation.zh).toBe('野外用火、焚烧秸秆 1 次 × -10 分 = -10 分');
  });

  it('asks for a quantity on a per-unit rule', () => {
    expect(() => evaluateRule(rule('ECO-FOREST'), { usage: none })).toThrow(
      expect.objectContaining({ status: 400, fields: { quantity: expect.any(String) } }),
    );
  });
});

/** Records of one account in order, each evaluated under the cap usage the ones before it left. */
function score(items: readonly [string, number | undefined, number][]) {
  const used = new Map<string, Usage>();
  return items.map(([code, quantity]) => {
    const usage = used.get(code) ?? none;
    const { points } = evaluateRule(rule(code), { quantity, usage });
    used.set(code, { points: usage.points + Math.abs(points), occurrences: usage.occurrences + 1 });
    return points;
  });
}
const sum = (points: number[]) => points.reduce((a, b) => a + b, 0);

describe("DOMAIN.md's eco scores under the Dafang template, as the demo records them", () => {
  it('gives 游振林 380: homestead 1,200 m² 240, under-forest planting 20 mu 100, green travel 20, leading 20 households 20', () => {
    const { village, items } = ARTICLE_ECO.游振林 ?? { village: '', items: [] };
    expect(village).toBe('银川村');
    expect(items.map(([code, quantity]) => [code, quantity])).toEqual([
      ['ECO-HOMESTEAD', 1200],
      ['ECO-FOREST', 20],
      ['ECO-TRAVEL', undefined],
      ['ECO-LEAD', 20],
    ]);
    expect(score(items)).toEqual([240, 100, 20, 20]);
    expect(sum(score(items))).toBe(380);
    expect(score(items)).toEqual(items.map(([, , points]) => points));
  });

  it('gives 林茂平 305 with 400 mu: the yearly forest cap keeps 2,000 at 200, plus homestead, travel and a sacrifice', () => {
    const { village, items } = ARTICLE_ECO.林茂平 ?? { village: '', items: [] };
    expect(village).toBe('羊岩村');
    expect(items[0]).toEqual(['ECO-FOREST', 400, 200]);
    expect(evaluateRule(rule('ECO-FOREST'), { quantity: 400, usage: none })).toMatchObject({
      points: 200,
      uncapped: 2000,
      capped: true,
    });
    expect(score(items)).toEqual([200, 80, 20, 5]);
    expect(sum(score(items))).toBe(305);
    expect(score(items)).toEqual(items.map(([, , points]) => points));
  });

  it('caps homestead points at 300 for ever, so 1,200 m² gives its 240 in full', () => {
    expect(rule('ECO-HOMESTEAD').cap).toEqual({ maxPoints: 300, period: 'ever' });
    const second = evaluateRule(rule('ECO-HOMESTEAD'), {
      quantity: 500,
      usage: { points: 240, occurrences: 1 },
    });
    expect(second).toMatchObject({ points: 60, capped: true });
  });
});

const perUnitRule = fc.record({
  points: fc.integer({ min: -100, max: 100 }).filter((n) => n !== 0),
  unitSize: fc.integer({ min: 1, max: 5000 }).map((n) => n / 100),
  maxPoints: fc.option(fc.integer({ min: 1, max: 5000 }), { nil: undefined }),
});
const quantity = fc.integer({ min: 1, max: 10_000_000 }).map((n) => n / 100);
const usedPoints = fc.integer({ min: 0, max: 6000 });

const asRule = (r: { points: number; unitSize: number; maxPoints?: number }): Rule => ({
  code: 'P',
  name: '测试',
  category: '测试',
  shape: { kind: 'perUnit', points: r.points, unitSize: r.unitSize, unit: '亩' },
  cap: r.maxPoints === undefined ? undefined : { maxPoints: r.maxPoints, period: 'year' },
  evidenceRequired: false,
  selfDeclarable: false,
});

describe('evaluation properties', () => {
  it('never gives fewer points (in magnitude) for a larger quantity', () => {
    fc.assert(
      fc.property(perUnitRule, quantity, quantity, usedPoints, (r, a, b, used) => {
        const [small, large] = a <= b ? [a, b] : [b, a];
        const usage = { points: used, occurrences: 0 };
        const low = Math.abs(evaluateRule(asRule(r), { quantity: small, usage }).points);
        const high = Math.abs(evaluateRule(asRule(r), { quantity: large, usage }).points);
        expect(high).toBeGreaterThanOrEqual(low);
      }),
    );
  });

  it('never passes the cap, counting what the period already used', () => {
    fc.assert(
      fc.property(perUnitRule, quantity, usedPoints, (r, q, used) => {
        const points = evaluateRule(asRule(r), {
          quantity: q,
          usage: { points: used, occurrences: 0 },
        }).points;
        if (r.maxPoints !== undefined)
          expect(used + Math.abs(points)).toBeLessThanOrEqual(Math.max(used, r.maxPoints));
        expect(Number.isInteger(points)).toBe(true);
        expect(Math.sign(points) === 0 || Math.sign(points) === Math.sign(r.points)).toBe(true);
      }),
    );
  });
});

describe('built-in templates', () => {
  it('are valid rule sets with unique codes', () => {
    expect(builtinTemplates.map((t) => t.id)).toEqual([
      'builtin:dafang-eco',
      'builtin:yinzhai-volunteer',
      'builtin:xiaopo-civility',
      'builtin:public-affairs',
    ]);
    for (const t of builtinTemplates)
      expect(ruleSetContentSchema.safeParse(t.content).success, t.id).toBe(true);
  });

  it('score public space 10, volunteer service 5 and a golden idea 5', () => {
    const items = builtinTemplates.find((t) => t.id === 'builtin:public-affairs')?.content.rules ?? [];
    expect(items.map((r) => [r.code, r.shape.kind === 'fixed' ? r.shape.points : 0])).toEqual([
      ['PUBLIC-SPACE', 10],
      ['VOLUNTEER', 5],
      ['GOLDEN-IDEA', 5],
    ]);
  });
});

describe('rule set content', () => {
  const rule = (code: string, category: string, points = 5) => ({
    code,
    name: '规则',
    category,
    shape: { kind: 'fixed', points },
  });
  const pathsOf = (content: unknown) =>
    ruleSetContentSchema
      .safeParse(content)
      .error?.issues.map((i) => i.path.join('.'))
      .sort();

  it('names a duplicate code (case-insensitive) and an unknown category', () => {
    expect(
      pathsOf({ categories: ['环境卫生'], rules: [rule('A', '环境卫生'), rule('a', '孝老爱亲')] }),
    ).toEqual(['rules.1.category', 'rules.1.code']);
  });

  it('names zero or fractional points and a non-positive unit size', () => {
    const paths = pathsOf({
      categories: ['环境卫生'],
      rules: [
        rule('A', '环境卫生', 0),
        {
          code: 'B',
          name: '丙',
          category: '环境卫生',
          shape: { kind: 'perUnit', points: 1.5, unitSize: -5, unit: 'm²' },
        },
      ],
    });
    expect(paths).toEqual(['rules.0.shape.points', 'rules.1.shape.points', 'rules.1.shape.unitSize']);
  });
});
