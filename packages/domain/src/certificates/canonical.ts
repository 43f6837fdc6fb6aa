/**
 * The bytes a certificate's signature covers: JSON with every object's keys sorted (by UTF-16
 * code units, as Array.prototype.sort does) and no whitespace, strings and numbers written as
 * JSON.stringify writes them. For the values a certificate holds (objects, arrays, strings,
 * integers, booleans, null) this is RFC 8785 (JCS), so anyone can rebuild the bytes in any
 * language and check the signature offline.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return JSON.stringify(value);
  if (typeof value === 'number') {
    // JSON has no NaN or Infinity; signing a value that cannot round-trip would sign a lie.
    if (!Number.isFinite(value)) throw new TypeError('canonicalJson: non-finite number');
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      // An absent field and an undefined one are the same document.
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  throw new TypeError(`canonicalJson: cannot serialise a ${typeof value}`);
}
