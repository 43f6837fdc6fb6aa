import { api, call } from './api';
import type { CognitoAuth } from './config';

const TOKEN_KEY = 'xjf.session';
const PKCE_KEY = 'xjf.pkce';

type StoredToken = { token: string; expiresAt?: number };

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

function readJson(storage: Storage, key: string): unknown {
  try {
    return JSON.parse(storage.getItem(key) ?? 'null');
  } catch {
    return null;
  }
}

/** The bearer token, while it is still valid. */
export function currentToken(): string | undefined {
  const stored = readJson(localStorage, TOKEN_KEY);
  if (!isRecord(stored) || typeof stored.token !== 'string') return undefined;
  if (typeof stored.expiresAt === 'number' && stored.expiresAt <= Date.now()) {
    localStorage.removeItem(TOKEN_KEY);
    return undefined;
  }
  return stored.token;
}

export function saveToken(token: string, expiresInSeconds?: number) {
  const stored: StoredToken = { token };
  // A minute's margin so a request never leaves with a token that expires on the way.
  if (expiresInSeconds) stored.expiresAt = Date.now() + (expiresInSeconds - 60) * 1000;
  localStorage.setItem(TOKEN_KEY, JSON.stringify(stored));
}

export function clearToken() {
  localStorage.removeItem(TOKEN_KEY);
}

/** Local runtime only: the API issues a token for any seeded user. */
export async function devSignIn(username: string): Promise<void> {
  const { token } = await call(api().POST('/api/dev/sign-in', { body: { username } }));
  saveToken(token);
}

const base64url = (bytes: Uint8Array) =>
  btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');

const randomString = () => base64url(crypto.getRandomValues(new Uint8Array(32)));

export const redirectUri = () => `${window.location.origin}/auth/callback`;

/**
 * Cognito hosted UI, authorization-code flow with PKCE (RFC 7636): the verifier stays in this
 * tab's sessionStorage, only its SHA-256 goes to the authorize endpoint.
 */
export async function startCognitoSignIn(auth: CognitoAuth, returnTo: string): Promise<void> {
  const verifier = randomString();
  const state = randomString();
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier));
  sessionStorage.setItem(PKCE_KEY, JSON.stringify({ verifier, state, returnTo }));
  const params = new URLSearchParams({
    response_type: 'code',
    client_id: auth.clientId,
    redirect_uri: redirectUri(),
    scope: 'openid',
    state,
    code_challenge: base64url(new Uint8Array(digest)),
    code_challenge_method: 'S256',
  });
  window.location.assign(`${auth.domain}/oauth2/authorize?${params}`);
}

/** Exchanges the code from the callback URL for tokens; returns where the user was going. */
export async function completeCognitoSignIn(auth: CognitoAuth, search: URLSearchParams): Promise<string> {
  const pending = readJson(sessionStorage, PKCE_KEY);
  sessionStorage.removeItem(PKCE_KEY);
  const error = search.get('error');
  if (error) throw new Error(search.get('error_description') ?? error);
  const code = search.get('code');
  if (
    !code ||
    !isRecord(pending) ||
    typeof pending.verifier !== 'string' ||
    pending.state !== search.get('state')
  ) {
    throw new Error('sign-in response does not match this browser tab (state)');
  }
  const response = await fetch(`${auth.domain}/oauth2/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      client_id: auth.clientId,
      code,
      redirect_uri: redirectUri(),
      code_verifier: pending.verifier,
    }),
  });
  const tokens: unknown = await response.json();
  if (!response.ok || !isRecord(tokens) || typeof tokens.id_token !== 'string') {
    throw new Error(`token exchange failed (HTTP ${response.status})`);
  }
  saveToken(tokens.id_token, typeof tokens.expires_in === 'number' ? tokens.expires_in : undefined);
  const { returnTo } = pending;
  // Only a path of this app, never another origin (`//evil.example`).
  return typeof returnTo === 'string' && /^\/(?!\/)/.test(returnTo) ? returnTo : '/';
}

/** Ends the hosted UI session too, or the next sign-in would silently reuse it. */
export function cognitoSignOutUrl(auth: CognitoAuth): string {
  const params = new URLSearchParams({ client_id: auth.clientId, logout_uri: `${window.location.origin}/` });
  return `${auth.domain}/logout?${params}`;
}

type Listener = () => void;
const expiredListeners = new Set<Listener>();

/** The API said 401 to a signed-in request: the token is gone or no longer valid. */
export function expireSession() {
  clearToken();
  for (const listener of expiredListeners) listener();
}

export function onSessionExpired(listener: Listener): () => void {
  expiredListeners.add(listener);
  return () => expiredListeners.delete(listener);
}
