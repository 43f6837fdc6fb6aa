/**
 * A deterministic pseudo-random number in [0, 1) from a few keys (an FNV-1a hash, mixed): the
 * demo's rosters and year of activity look the same on every machine and every run.
 */
export function chance(...keys: (string | number)[]): number {
  let h = 2166136261;
  for (const ch of keys.join('|')) h = Math.imul(h ^ (ch.codePointAt(0) ?? 0), 16777619);
  h = Math.imul(h ^ (h >>> 15), 2246822507);
  h = Math.imul(h ^ (h >>> 13), 3266489909);
  return ((h ^ (h >>> 16)) >>> 0) / 4294967296;
}

/** An element of a list chosen by a number in [0, 1). */
export const pick = <T>(list: readonly T[], r: number): T => list[Math.floor(r * list.length)] as T;
