import { type RosterRow, rosterToHouseholds } from '@xjf/domain';
import { describe, expect, it } from 'vitest';

const person = (
  number: string,
  name: string,
  relation: string,
  more: Partial<RosterRow> = {},
): RosterRow => ({ number, group: '第一组', name, relation, ...more });

/** The field errors of a refused import. */
function refusal(rows: RosterRow[], taken: string[] = []) {
  try {
    rosterToHouseholds(rows, new Set(taken));
  } catch (error) {
    return error as { status: number; code: string; message: string; fields: Record<string, string> };
  }
  throw new Error('the import was accepted');
}

describe('roster import', () => {
  it('makes one household of the rows sharing a 户号, head first as written', () => {
    const out = rosterToHouseholds(
      [
        person('0001', '罗先和', '户主', { phone: 13985710009, address: '一组 3 号' }),
        person('0001', '罗小明', '儿子'),
        person('0002', '游振林', '本人', { group: '第二组' }),
        person('0001', '张桂芬', '妻'),
      ],
      new Set(),
    );
    expect(out.map((h) => h.firstRow)).toEqual([2, 4]);
    expect(out[0]?.household).toEqual({
      number: '0001',
      group: '第一组',
      address: '一组 3 号',
      members: [
        { name: '罗先和', relation: '户主', phone: '13985710009' },
        { name: '罗小明', relation: '子女', phone: undefined },
        { name: '张桂芬', relation: '配偶', phone: undefined },
      ],
    });
    expect(out[1]?.household).toMatchObject({ number: '0002', group: '第二组' });
  });

  it('reads blank 户号 and 村民小组 cells as the household above, as merged cells are read', () => {
    const out = rosterToHouseholds(
      [
        person('0007', '林茂平', '户主'),
        { name: '林小红', relation: '女儿' },
        { number: null, group: null, name: '林大军', relation: '子' },
      ],
      new Set(),
    );
    expect(out).toHaveLength(1);
    expect(out[0]?.household.members.map((m) => m.name)).toEqual(['林茂平', '林小红', '林大军']);
  });

  it('names every bad cell by its sheet row and column, and imports nothing', () => {
    const e = refusal([
      { ...person('0001', '罗先和', '户主', { phone: '12345' }), sheetRow: 3 },
      { ...person('0001', '罗先和', '子女'), sheetRow: 4 },
      { ...person('0002', '王强', '表哥'), sheetRow: 7 },
      { ...person('0003', '', '户主', { group: '' }), sheetRow: 8 },
      { ...person('0004', '赵一', '户主'), sheetRow: 9 },
      { ...person('0004', '赵二', '户主', { group: '第二组' }), sheetRow: 10 },
      { ...person('00 5', '钱五', '户主'), sheetRow: 11 },
    ]);
    expect(e).toMatchObject({ status: 400, code: 'import_rejected' });
    expect(e.message).toContain('6 行有误');
    expect(Object.keys(e.fields).sort()).toEqual(
      [
        'rows.3.phone',
        'rows.4.name',
        'rows.7.relation',
        'rows.8.name',
        'rows.8.group',
        'rows.10.relation',
        'rows.10.group',
        'rows.11.number',
      ].sort(),
    );
    expect(e.fields['rows.4.name']).toBe('第 4 行「姓名」：与第 3 行重复 (duplicate of row 3)');
    expect(e.fields['rows.7.relation']).toContain('「表哥」不是可用的关系');
    expect(e.fields['rows.10.relation']).toContain('本户已有户主（第 9 行）');
    expect(e.fields['rows.10.group']).toContain('第 9 行为「第一组」');
  });

  it('refuses a household without a head, pointing at its first row', () => {
    const e = refusal([person('0001', '罗先和', '户主'), person('0002', '罗小明', '子女')]);
    expect(e.fields).toEqual({
      'rows.3.relation': '第 3 行「与户主关系」：本户没有户主 (the household has no head)',
    });
  });

  it('refuses a 户号 already registered in the village', () => {
    const e = refusal([person('0001', '罗先和', '户主'), person('0002', '游振林', '户主')], ['0002']);
    expect(e.fields).toEqual({
      'rows.3.number': '第 3 行「户号」：户号 0002 已在本村登记 (household number already registered)',
    });
  });

  it('refuses a first row without a 户号, and a household of more than 30', () => {
    const big = Array.from({ length: 31 }, (_, i) => person('0009', `成员${i}`, i === 0 ? '户主' : '子女'));
    const e = refusal([{ name: '无户号', relation: '户主' }, ...big]);
    expect(Object.keys(e.fields)).toEqual(['rows.2.number', 'rows.33.number']);
  });

  it('lists at most 1,000 bad cells but counts every bad row', () => {
    const rows = Array.from({ length: 1200 }, (_, i) => person(String(i), `人${i}`, '户主', { phone: '1' }));
    const e = refusal(rows);
    expect(Object.keys(e.fields)).toHaveLength(1000);
    expect(e.message).toContain('1200 行有误');
  });
});
