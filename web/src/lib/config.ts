import type { RuntimeConfig } from '@xjf/domain';

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;
const trimSlash = (s: string) => s.replace(/\/+$/, '');

/** Checks `/config.json` field by field: a broken deployment should say so, not fail later. */
export function parseRuntimeConfig(raw: unknown): RuntimeConfig {
  if (isRecord(raw) && typeof raw.apiBaseUrl === 'string' && typeof raw.dev === 'boolean') {
    return { apiBaseUrl: trimSlash(raw.apiBaseUrl), dev: raw.dev };
  }
  throw new Error('config.json is not a valid runtime configuration');
}

export async function loadRuntimeConfig(): Promise<RuntimeConfig> {
  const response = await fetch('/config.json', { cache: 'no-store' });
  if (!response.ok) throw new Error(`config.json: HTTP ${response.status}`);
  return parseRuntimeConfig(await response.json());
}
