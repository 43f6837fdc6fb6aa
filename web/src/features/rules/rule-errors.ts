/** The API paths (under `content.rules.N.`) whose errors each editable field shows and clears. */
export const pathsOf: Record<string, string[]> = {
  code: ['code', ''],
  name: ['name'],
  category: ['category'],
  description: ['description'],
  kind: ['shape.kind', 'shape'],
  points: ['shape.points', 'shape'],
  unitSize: ['shape.unitSize'],
  unit: ['shape.unit'],
  maxPoints: ['cap.maxPoints', 'cap'],
  maxOccurrences: ['cap.maxOccurrences', 'cap'],
  period: ['cap.period'],
  evidenceRequired: ['evidenceRequired'],
  selfDeclarable: ['selfDeclarable'],
};

export const rulePath = (index: number, sub: string) =>
  sub ? `content.rules.${index}.${sub}` : `content.rules.${index}`;

/** Every error path a cell of the table shows, so the page can list the others apart. */
export function isRuleCellPath(path: string): boolean {
  const match = /^content\.rules\.\d+(?:\.(.+))?$/.exec(path);
  if (!match) return false;
  const sub = match[1] ?? '';
  return Object.values(pathsOf).some((subs) => subs.includes(sub));
}

/** The first API error on any of a rule's fields, by the rule's index in the set. */
export const ruleErrorLookup =
  (errors: Record<string, string>) =>
  (index: number, ...fields: string[]): string | undefined => {
    for (const field of fields) {
      for (const sub of pathsOf[field] ?? []) {
        const message = errors[rulePath(index, sub)];
        if (message) return message;
      }
    }
    return undefined;
  };
