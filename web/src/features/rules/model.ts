import type { Rule, RuleSetContent } from '@xjf/domain';

export type PerUnit = Extract<Rule['shape'], { kind: 'perUnit' }>;
export type Unit = PerUnit['unit'];
export type Period = NonNullable<Rule['cap']>['period'];
export type ShapeKind = Rule['shape']['kind'];

// The domain's lists, repeated here so the admin does not bundle zod; typed so they cannot drift.
export const UNITS: readonly Unit[] = ['m²', '亩', '小时', '次', '户', '人', '天', '公里', '棵', '千克'];
export const PERIODS: readonly Period[] = ['month', 'quarter', 'year', 'ever'];
export const RULE_CODE = /^[A-Z0-9][A-Z0-9_-]{0,31}$/;

/**
 * A rule as the editor holds it: flat, with the empty number inputs as null and a stable `key`
 * for the table row (a code can be edited). A cap exists when either limit is filled in.
 */
export type EditableRule = {
  key: string;
  code: string;
  name: string;
  category: string;
  description: string;
  kind: ShapeKind;
  points: number | null;
  unitSize: number | null;
  unit: Unit;
  maxPoints: number | null;
  maxOccurrences: number | null;
  period: Period;
  evidenceRequired: boolean;
  selfDeclarable: boolean;
};

export type EditableContent = { categories: string[]; rules: EditableRule[] };

let nextKey = 0;
export const newKey = () => `r${++nextKey}`;

export function toEditable(rule: Rule): EditableRule {
  const { shape, cap } = rule;
  return {
    key: newKey(),
    code: rule.code,
    name: rule.name,
    category: rule.category,
    description: rule.description ?? '',
    kind: shape.kind,
    points: shape.points,
    unitSize: shape.kind === 'perUnit' ? shape.unitSize : null,
    unit: shape.kind === 'perUnit' ? shape.unit : '次',
    maxPoints: cap?.maxPoints ?? null,
    maxOccurrences: cap?.maxOccurrences ?? null,
    period: cap?.period ?? 'year',
    evidenceRequired: rule.evidenceRequired ?? false,
    selfDeclarable: rule.selfDeclarable ?? false,
  };
}

export const toEditableContent = (content: RuleSetContent): EditableContent => ({
  categories: [...content.categories],
  rules: content.rules.map(toEditable),
});

export function blankRule(category: string, taken: Set<string>): EditableRule {
  let n = taken.size + 1;
  while (taken.has(`R${n}`)) n += 1;
  return {
    key: newKey(),
    code: `R${n}`,
    name: '',
    category,
    description: '',
    kind: 'fixed',
    points: 5,
    unitSize: null,
    unit: '次',
    maxPoints: null,
    maxOccurrences: null,
    period: 'year',
    evidenceRequired: false,
    selfDeclarable: false,
  };
}

/**
 * The editor's rule as the API takes it. Empty numbers stay null so the API names the field;
 * the editor's own checks (`checkContent`) normally catch them first.
 */
export function fromEditable(r: EditableRule): Rule {
  const points = r.points as number;
  const shape: Rule['shape'] =
    r.kind === 'fixed'
      ? { kind: 'fixed', points }
      : { kind: 'perUnit', points, unitSize: r.unitSize as number, unit: r.unit };
  const rule: Rule = {
    code: r.code.trim().toUpperCase(),
    name: r.name.trim(),
    category: r.category,
    shape,
    evidenceRequired: r.evidenceRequired,
    selfDeclarable: r.selfDeclarable,
  };
  const description = r.description.trim();
  if (description) rule.description = description;
  if (r.maxPoints !== null || r.maxOccurrences !== null) {
    rule.cap = { period: r.period };
    if (r.maxPoints !== null) rule.cap.maxPoints = r.maxPoints;
    if (r.maxOccurrences !== null) rule.cap.maxOccurrences = r.maxOccurrences;
  }
  return rule;
}

export const fromEditableContent = (content: EditableContent): RuleSetContent => ({
  categories: content.categories.map((c) => c.trim()),
  rules: content.rules.map(fromEditable),
});

/** Which message key of `rules.check` explains a problem, by the API's path (`content.rules.3.code`). */
export type Problems = Record<string, ProblemKey>;
export type ProblemKey =
  | 'required'
  | 'code'
  | 'duplicateCode'
  | 'points'
  | 'unitSize'
  | 'unknownCategory'
  | 'duplicateCategory';

const twoDecimals = (n: number) => Math.abs(n * 100 - Math.round(n * 100)) < 1e-6;

/** The checks the API also makes, so most mistakes are marked before saving. */
export function checkContent(content: EditableContent): Problems {
  const problems: Problems = {};
  const categories = new Set<string>();
  content.categories.forEach((raw, i) => {
    const c = raw.trim();
    if (!c) problems[`content.categories.${i}`] = 'required';
    else if (categories.has(c)) problems[`content.categories.${i}`] = 'duplicateCategory';
    categories.add(c);
  });
  const codes = new Set<string>();
  content.rules.forEach((r, i) => {
    const at = (field: string) => `content.rules.${i}.${field}`;
    const code = r.code.trim().toUpperCase();
    if (!code) problems[at('code')] = 'required';
    else if (!RULE_CODE.test(code)) problems[at('code')] = 'code';
    else if (codes.has(code)) problems[at('code')] = 'duplicateCode';
    codes.add(code);
    if (!r.name.trim()) problems[at('name')] = 'required';
    if (!categories.has(r.category)) problems[at('category')] = 'unknownCategory';
    if (r.points === null || !Number.isInteger(r.points) || r.points === 0) {
      problems[at('shape.points')] = 'points';
    }
    if (r.kind === 'perUnit' && (r.unitSize === null || r.unitSize <= 0 || !twoDecimals(r.unitSize))) {
      problems[at('shape.unitSize')] = 'unitSize';
    }
  });
  return problems;
}
