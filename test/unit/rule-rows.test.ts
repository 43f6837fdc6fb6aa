import { builtinTemplates, contentToRows, type RuleRow, rowsToContent } from '@xjf/domain';
import { describe, expect, it } from 'vitest';

const row = (over: Partial<RuleRow>): RuleRow => ({
  code: 'A1',
  name: '清扫村道',
  category: '环境卫生',
  kind: '固定',
  points: 3,
  ...over,
});

describe('rule sets as spreadsheet rows', () => {
  it('round-trips every built-in template through rows', () => {
    for (const t of builtinTemplates) {
      const back = rowsToContent(contentToRows(t.content));
      expect(back.rules, t.id).toEqual(t.content.rules);
      expect(new Set(back.categories)).toEqual(new Set(t.content.rules.map((r) => r.category)));
    }
  });

  it('reads numbers typed as text, Chinese labels and 是/否', () => {
    const content = rowsToContent([
      row({
        code: 'eco-forest',
        kind: '按量',
        points: '5',
        unitSize: '1',
        unit: '亩',
        capPoints: '200',
        capPeriod: '每年',
        evidence: '是',
      }),
    ]);
    expect(content.rules[0]).toMatchObject({
      code: 'ECO-FOREST',
      shape: { kind: 'perUnit', points: 5, unitSize: 1, unit: '亩' },
      cap: { maxPoints: 200, period: 'year' },
      evidenceRequired: true,
      selfDeclarable: false,
    });
  });

  it('names every bad cell by sheet row and column, and imports nothing', () => {
    const bad = () =>
      rowsToContent([
        row({}),
        row({ code: 'A1', points: 'abc' }),
        row({ code: 'B2', kind: '按量', points: 2, unitSize: -5, unit: '亩' }),
        row({ code: 'C3', kind: '随便' }),
        row({ code: 'D4', capPoints: 10 }),
      ]);
    expect(bad).toThrow(expect.objectContaining({ status: 400, code: 'import_rejected' }));
    try {
      bad();
    } catch (error) {
      const fields = (error as { fields: Record<string, string> }).fields;
      expect(Object.keys(fields).sort()).toEqual([
        'rows.3.points',
        'rows.4.unitSize',
        'rows.5.kind',
        'rows.6.capPeriod',
      ]);
      expect(fields['rows.3.points']).toMatch(/^第 3 行「分值」/);
    }
  });

  it('names a duplicate code on the row that repeats it', () => {
    expect(() => rowsToContent([row({}), row({ name: '又一条' })])).toThrow(
      expect.objectContaining({ fields: { 'rows.3.code': expect.stringContaining('重复') } }),
    );
  });
});

describe('cells a person typed', () => {
  it('names a yes/no cell it cannot read and a number in a strange notation', () => {
    expect(() => rowsToContent([row({ evidence: '是的', points: '1e2' })])).toThrow(
      expect.objectContaining({
        fields: { 'rows.2.evidence': expect.any(String), 'rows.2.points': expect.any(String) },
      }),
    );
  });

  it('reports the sheet row the client gives when it skipped empty rows', () => {
    expect(() => rowsToContent([row({}), row({ code: 'B', points: 'abc', sheetRow: 7 })])).toThrow(
      expect.objectContaining({ fields: { 'rows.7.points': expect.stringMatching(/^第 7 行/) } }),
    );
  });
});
