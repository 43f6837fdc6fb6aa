import type { RuntimeConfig } from '@xjf/domain';

export type CognitoAuth = Extract<RuntimeConfig['auth'], { mode: 'cognito' }>;

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;
const isString = (v: unknown): v is string => typeof v === 'string';
const trimSlash = (s: string) => s.replace(/\/+$/, '');

/** Checks `/config.json` field by field: a broken deployment should say so, not fail later. */
export function parseRuntimeConfig(raw: unknown): RuntimeConfig {
  if (isRecord(raw) && isString(raw.apiBaseUrl) && isRecord(raw.auth)) {
    const { auth } = raw;
    const apiBaseUrl = trimSlash(raw.apiBaseUrl);
    if (auth.mode === 'dev') return { apiBaseUrl, auth: { mode: 'dev' } };
    if (
      auth.mode === 'cognito' &&
      isString(auth.region) &&
      isString(auth.userPoolId) &&
      isString(auth.clientId) &&
      isString(auth.domain)
    ) {
      return {
        apiBaseUrl,
        auth: {
          mode: 'cognito',
          region: auth.region,
          userPoolId: auth.userPoolId,
          clientId: auth.clientId,
          domain: trimSlash(auth.domain),
        },
      };
    }
  }
  throw new Error('config.json is not a valid runtime configuration');
}

export async function loadRuntimeConfig(): Promise<RuntimeConfig> {
  const response = await fetch('/config.json', { cache: 'no-store' });
  if (!response.ok) throw new Error(`config.json: HTTP ${response.status}`);
  return parseRuntimeConfig(await response.json());
}
