import type { Rule, RuleSetContent } from '@xjf/domain';

/** The fields of a rule a reader compares, flattened: `shape.points`, `cap.period`, … */
export const ruleFields = [
  'name',
  'category',
  'description',
  'shape.kind',
  'shape.points',
  'shape.unitSize',
  'shape.unit',
  'cap.maxPoints',
  'cap.maxOccurrences',
  'cap.period',
  'evidenceRequired',
  'selfDeclarable',
] as const;
export type RuleField = (typeof ruleFields)[number];

export type FieldValue = string | number | boolean | undefined;

export type FieldChange = { field: RuleField; before: FieldValue; after: FieldValue };

export type RuleChange = {
  code: string;
  /** The rule's name after the change (before, if only that changed, is in `changes`). */
  name: string;
  changes: FieldChange[];
};

export type RuleSetDiff = {
  categoriesAdded: string[];
  categoriesRemoved: string[];
  rulesAdded: Rule[];
  rulesRemoved: Rule[];
  rulesChanged: RuleChange[];
};

/** One field of a rule; a missing cap, description or unit reads as undefined. */
export function fieldOf(rule: Rule, field: RuleField): FieldValue {
  const { shape, cap } = rule;
  switch (field) {
    case 'name':
      return rule.name;
    case 'category':
      return rule.category;
    case 'description':
      return rule.description || undefined;
    case 'shape.kind':
      return shape.kind;
    case 'shape.points':
      return shape.points;
    case 'shape.unitSize':
      return shape.kind === 'perUnit' ? shape.unitSize : undefined;
    case 'shape.unit':
      return shape.kind === 'perUnit' ? shape.unit : undefined;
    case 'cap.maxPoints':
      return cap?.maxPoints;
    case 'cap.maxOccurrences':
      return cap?.maxOccurrences;
    case 'cap.period':
      return cap?.period;
    case 'evidenceRequired':
      return rule.evidenceRequired ?? false;
    case 'selfDeclarable':
      return rule.selfDeclarable ?? false;
  }
}

/**
 * What changed from `before` to `after`: categories and rules added or removed, and for each
 * rule kept (same code) which fields changed, old → new. Rules are matched by code, so a new
 * code reads as one rule removed and another added. Order follows `after` (removed: `before`).
 */
export function diffContent(before: RuleSetContent, after: RuleSetContent): RuleSetDiff {
  const oldCategories = new Set(before.categories);
  const newCategories = new Set(after.categories);
  const oldRules = new Map(before.rules.map((r) => [r.code, r]));
  const newCodes = new Set(after.rules.map((r) => r.code));

  const rulesChanged: RuleChange[] = [];
  const rulesAdded: Rule[] = [];
  for (const rule of after.rules) {
    const old = oldRules.get(rule.code);
    if (!old) {
      rulesAdded.push(rule);
      continue;
    }
    const changes = ruleFields.flatMap((field): FieldChange[] => {
      const was = fieldOf(old, field);
      const now = fieldOf(rule, field);
      return was === now ? [] : [{ field, before: was, after: now }];
    });
    if (changes.length > 0) rulesChanged.push({ code: rule.code, name: rule.name, changes });
  }

  return {
    categoriesAdded: after.categories.filter((c) => !oldCategories.has(c)),
    categoriesRemoved: before.categories.filter((c) => !newCategories.has(c)),
    rulesAdded,
    rulesRemoved: before.rules.filter((r) => !newCodes.has(r.code)),
    rulesChanged,
  };
}

export function isEmptyDiff(diff: RuleSetDiff): boolean {
  return (
    diff.categoriesAdded.length +
      diff.categoriesRemoved.length +
      diff.rulesAdded.length +
      diff.rulesRemoved.length +
      diff.rulesChanged.length ===
    0
  );
}
