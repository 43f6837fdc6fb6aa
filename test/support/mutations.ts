/**
 * Bad bodies made from a good one: each keeps the route's shape but breaks one thing, the way a
 * buggy client, a hostile one or a mis-pasted spreadsheet would. Each is raw JSON text, so that
 * what JSON.stringify cannot say (Infinity, a `__proto__` key) can be sent too.
 */
export interface Mutation {
  name: string;
  body: string;
}

const HUGE_STRING = 'x'.repeat(100_000);
const ODD_UNICODE = '\u0000\u202e\ud800𠀀\u200bΩ\uffff';

function replaced(good: Record<string, unknown>, field: string, value: unknown): string {
  return JSON.stringify({ ...good, [field]: value });
}

/** A field set to a raw JSON literal that JSON.stringify cannot write. */
function rawField(good: Record<string, unknown>, field: string, literal: string): string {
  return replaced(good, field, '__RAW__').replace('"__RAW__"', literal);
}

function wrongType(value: unknown): unknown {
  if (typeof value === 'string') return 12345;
  if (typeof value === 'number') return 'twelve';
  if (typeof value === 'boolean') return 'yes';
  if (Array.isArray(value)) return { 0: value[0] };
  if (value && typeof value === 'object') return [value];
  return { unexpected: true };
}

/** Up to `fieldsPerBody` fields, each broken several ways, and the body itself broken whole. */
export function mutationsOf(good: unknown, fieldsPerBody = 3): Mutation[] {
  const whole: Mutation[] = [
    { name: 'an array for a body', body: '[]' },
    { name: 'a string for a body', body: '"body"' },
    { name: 'null for a body', body: 'null' },
    {
      name: 'a __proto__ key',
      body: `{"__proto__":{"role":"platform_operator"},${JSON.stringify(good ?? {}).slice(1)}`,
    },
    {
      name: 'a constructor key',
      body: JSON.stringify({ ...(good as object), constructor: { prototype: { x: 1 } } }),
    },
  ];
  if (!good || typeof good !== 'object' || Array.isArray(good)) return whole;
  const body = good as Record<string, unknown>;
  const fields = Object.keys(body).slice(0, fieldsPerBody);
  return [
    ...whole,
    ...fields.flatMap((field): Mutation[] => {
      const value = body[field];
      const at = (what: string) => `${field}: ${what}`;
      const { [field]: _dropped, ...without } = body;
      return [
        { name: at('missing'), body: JSON.stringify(without) },
        { name: at('null'), body: replaced(body, field, null) },
        { name: at('wrong type'), body: replaced(body, field, wrongType(value)) },
        { name: at('a 100,000-character string'), body: replaced(body, field, HUGE_STRING) },
        { name: at('odd Unicode'), body: replaced(body, field, ODD_UNICODE) },
        {
          name: at('10,000 elements'),
          body: replaced(body, field, Array(10_000).fill(Array.isArray(value) ? (value[0] ?? 1) : value)),
        },
        { name: at('negative'), body: replaced(body, field, -1) },
        { name: at('fractional'), body: replaced(body, field, 0.5) },
        { name: at('huge'), body: replaced(body, field, 2 ** 64) },
        { name: at('Infinity'), body: rawField(body, field, '1e400') },
        { name: at('NaN as text'), body: replaced(body, field, 'NaN') },
      ];
    }),
  ];
}
