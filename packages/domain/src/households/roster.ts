import * as z from 'zod';
import { cellProblem, cellText, SheetProblems, sheetRowSchema } from '../sheet';
import { MAX_ROSTER_ROWS, rosterColumns } from '../sheet-columns';
import { nameText, optionalText, phoneSchema } from '../text';
import { type HouseholdCreate, householdNumberSchema, relations } from './schemas';

export { MAX_ROSTER_ROWS, type RosterColumn, rosterColumns } from '../sheet-columns';

/**
 * A village roster (花名册) as secretaries keep it: one row per person, the household's rows
 * sharing its 户号. A blank 户号, 村民小组 or 住址 continues the household above, as merged cells do.
 */
const headers = Object.fromEntries(rosterColumns);
const MAX_MEMBERS = 30;

export const rosterRowSchema = sheetRowSchema(rosterColumns);
export type RosterRow = z.infer<typeof rosterRowSchema>;

export const rosterImportSchema = z
  .strictObject({
    rows: z
      .array(rosterRowSchema)
      .min(1, '表格中没有人员 (no people in the sheet)')
      .max(MAX_ROSTER_ROWS, `最多 ${MAX_ROSTER_ROWS} 行 (at most ${MAX_ROSTER_ROWS} rows)`),
  })
  .meta({ id: 'RosterImport' });

export const rosterImportResultSchema = z
  .object({ households: z.int(), members: z.int() })
  .meta({ id: 'RosterImportResult' });

type Relation = (typeof relations)[number];
/** The words household registers (户口簿) use, mapped to the product's relations. */
const relationAliases: Record<string, Relation> = {
  本人: '户主',
  妻: '配偶',
  妻子: '配偶',
  夫: '配偶',
  丈夫: '配偶',
  子: '子女',
  女: '子女',
  儿子: '子女',
  女儿: '子女',
  长子: '子女',
  次子: '子女',
  长女: '子女',
  次女: '子女',
  儿媳妇: '儿媳',
  孙子: '孙辈',
  孙女: '孙辈',
  外孙: '孙辈',
  外孙女: '孙辈',
  父亲: '父母',
  母亲: '父母',
  兄: '兄弟姐妹',
  弟: '兄弟姐妹',
  姐: '兄弟姐妹',
  妹: '兄弟姐妹',
};
const relationOf = (text: string): Relation | undefined =>
  (relations as readonly string[]).includes(text) ? (text as Relation) : relationAliases[text];

const memberName = nameText(20);
const groupName = nameText(20);
const address = optionalText(100);

type Draft = {
  number: string;
  firstRow: number;
  group?: { value: string; row: number };
  address?: { value: string; row: number };
  members: { row: number; name: string; relation?: Relation; phone?: string }[];
};

/** A household to register, with the sheet row it starts on (where its errors point). */
export type RosterHousehold = { household: HouseholdCreate; firstRow: number };

/**
 * Rows → households, all or nothing. `taken` holds the village's 户号 already registered.
 * Every bad cell is named; a household's own problems (no head, two heads) point at its rows.
 */
export function rosterToHouseholds(rows: RosterRow[], taken: ReadonlySet<string>): RosterHousehold[] {
  const problems = new SheetProblems(headers);
  const drafts = new Map<string, Draft>();
  let current: Draft | undefined;

  rows.forEach((cells, index) => {
    const row = cells.sheetRow ?? index + 2;
    const numberText = cellText(cells.number);
    let draft: Draft | undefined;
    if (numberText === '') {
      draft = current;
      if (!draft) problems.add(row, 'number', '不能为空 (required)');
    } else {
      const parsed = householdNumberSchema.safeParse(numberText);
      if (parsed.success) {
        draft = drafts.get(parsed.data);
        if (!draft) {
          draft = { number: parsed.data, firstRow: row, members: [] };
          drafts.set(parsed.data, draft);
        }
      } else problems.add(row, 'number', parsed.error.issues[0]?.message ?? '');
    }
    current = draft;

    const name = cellText(cells.name);
    const nameProblem = cellProblem(memberName, name);
    if (nameProblem) problems.add(row, 'name', nameProblem);
    const relationText = cellText(cells.relation);
    const relation = relationOf(relationText);
    if (!relation) {
      problems.add(
        row,
        'relation',
        relationText === ''
          ? '不能为空 (required)'
          : `「${relationText}」不是可用的关系，可填：${relations.join('、')} (unknown relation)`,
      );
    }
    const phone = cellText(cells.phone) || undefined;
    const phoneProblem = phone && cellProblem(phoneSchema, phone);
    if (phoneProblem) problems.add(row, 'phone', phoneProblem);
    sameForHousehold(draft, 'group', cellText(cells.group), row, problems);
    sameForHousehold(draft, 'address', cellText(cells.address), row, problems);
    if (!draft) return;

    const twin = draft.members.find((m) => m.name === name);
    if (twin && name) problems.add(row, 'name', `与第 ${twin.row} 行重复 (duplicate of row ${twin.row})`);
    if (relation === '户主') {
      const head = draft.members.find((m) => m.relation === '户主');
      if (head) {
        problems.add(
          row,
          'relation',
          `本户已有户主（第 ${head.row} 行）(the household's head is on row ${head.row})`,
        );
      }
    }
    if (draft.members.length === MAX_MEMBERS) {
      problems.add(row, 'number', `一户最多 ${MAX_MEMBERS} 人 (at most ${MAX_MEMBERS} members)`);
    }
    draft.members.push({ row, name, relation, phone });
  });

  for (const draft of drafts.values()) {
    if (taken.has(draft.number)) {
      problems.add(
        draft.firstRow,
        'number',
        `户号 ${draft.number} 已在本村登记 (household number already registered)`,
      );
    }
    if (!draft.group) problems.add(draft.firstRow, 'group', '不能为空 (required)');
    if (!draft.members.some((m) => m.relation === '户主')) {
      problems.add(draft.firstRow, 'relation', '本户没有户主 (the household has no head)');
    }
  }
  problems.throwIfAny({ zh: '农户', en: 'households' });

  return [...drafts.values()].map((d) => ({
    firstRow: d.firstRow,
    household: {
      number: d.number,
      group: d.group?.value ?? '',
      address: d.address?.value,
      members: d.members.map((m) => ({ name: m.name, relation: m.relation ?? '其他', phone: m.phone })),
    },
  }));
}

/** 村民小组 and 住址 belong to the household: blank continues it, a different value is an error. */
function sameForHousehold(
  draft: Draft | undefined,
  column: 'group' | 'address',
  value: string,
  row: number,
  problems: SheetProblems,
) {
  if (value === '') return;
  const problem = cellProblem(column === 'group' ? groupName : address, value);
  if (problem) {
    problems.add(row, column, problem);
    return;
  }
  if (!draft) return;
  const first = draft[column];
  if (!first) draft[column] = { value, row };
  else if (first.value !== value) {
    problems.add(
      row,
      column,
      `同一户应相同：第 ${first.row} 行为「${first.value}」(differs within the household from row ${first.row})`,
    );
  }
}
