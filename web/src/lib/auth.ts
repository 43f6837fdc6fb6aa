import { ApiError, api, call, callEmpty, type Schemas } from './api';

export type Tokens = Schemas['Tokens'];
export type SignInStep = Schemas['SignInStep'];

/**
 * The session lives in this module's memory only: the access token never touches localStorage
 * or sessionStorage, where any script could read it. The refresh token is an HttpOnly cookie
 * the API sets; a reload restores the session by one refresh (`restoreSession`).
 */
let accessToken: string | undefined;
let timer: ReturnType<typeof setTimeout> | undefined;
let refreshing: Promise<RefreshOutcome> | undefined;
/** Counts sign-ins and sign-outs: a refresh that was out across one must not bring a session back. */
let generation = 0;

/**
 * `ended`: the API refused the refresh cookie (sign in again); `offline`: no answer, try later;
 * `superseded`: someone signed out or in while it was out, and its answer was dropped.
 */
export type RefreshOutcome = 'refreshed' | 'ended' | 'offline' | 'superseded';

/**
 * Routes that take no access token, and where a 401 is a wrong answer (password, code,
 * challenge), not an ended session: the public pages, the sign-in steps, the session itself.
 */
const NO_SESSION =
  /\/api\/(onboarding|public|dev)\/|\/api\/auth\/(sign-in|password|totp|totp\/enrolment|sms\/[a-z-]+|session\/[a-z-]+)$/;

const REFRESH_MARGIN_MS = 60_000;
const OFFLINE_RETRY_MS = 30_000;

export const currentToken = (): string | undefined => accessToken;

/** Keeps a session's tokens and refreshes them silently a minute before they expire. */
export function startSession(tokens: Tokens) {
  generation += 1;
  accessToken = tokens.accessToken;
  schedule(tokens.expiresIn * 1000 - REFRESH_MARGIN_MS);
}

export function clearSession() {
  generation += 1;
  accessToken = undefined;
  clearTimeout(timer);
  timer = undefined;
}

function schedule(ms: number) {
  clearTimeout(timer);
  timer = setTimeout(
    () =>
      void refreshSession().then((outcome) => {
        if (outcome === 'ended') expireSession();
        // A phone out of signal: the token may still be good, and the cookie certainly is.
        if (outcome === 'offline') schedule(OFFLINE_RETRY_MS);
      }),
    Math.max(ms, 5_000),
  );
}

/**
 * New tokens for the refresh cookie. One refresh at a time: calls that arrive meanwhile share
 * it, and tabs take turns (Web Locks), since each refresh token is good once and a second use
 * ends the session.
 */
export function refreshSession(): Promise<RefreshOutcome> {
  const started = generation;
  refreshing ??= withRefreshLock(async (): Promise<RefreshOutcome> => {
    try {
      const tokens = await call(api().POST('/api/auth/session/refresh'));
      // Signed out (or in as someone else) meanwhile: these tokens are not wanted.
      if (generation !== started) return 'superseded';
      startSession(tokens);
      return 'refreshed';
    } catch (error) {
      if (error instanceof ApiError && (error.status === 0 || error.status >= 500)) return 'offline';
      if (generation !== started) return 'superseded';
      clearSession();
      return 'ended';
    }
  }).finally(() => {
    refreshing = undefined;
  });
  return refreshing;
}

function withRefreshLock<T>(run: () => Promise<T>): Promise<T> {
  // Only in secure contexts (https, localhost); elsewhere the in-tab sharing above still holds.
  const locks = typeof navigator === 'undefined' ? undefined : navigator.locks;
  // (The DOM types miss that `request` resolves with the callback's awaited value.)
  return locks ? locks.request('xjf-session-refresh', run).then((value) => value) : run();
}

let restoring: Promise<RefreshOutcome> | undefined;

/** At start-up: the refresh cookie outlives a reload, so one refresh tells whether someone is signed in. */
export function restoreSession(): Promise<RefreshOutcome> {
  restoring ??= refreshSession();
  return restoring;
}

/** Ends the session on the API (which clears the cookie), then forgets the token. Throws if the API did not answer. */
export async function endSession(): Promise<void> {
  try {
    await callEmpty(api().POST('/api/auth/session/sign-out'));
  } catch (error) {
    // An ended session is signed out already; anything else leaves the cookie in place.
    if (!(error instanceof ApiError && error.status === 401)) throw error;
  }
  clearSession();
}

/**
 * The API client's fetch: adds the access token, and after a 401 refreshes once (shared with
 * every other call that needs it) and repeats the call once before giving up on the session.
 */
export async function authorizedFetch(request: Request): Promise<Response> {
  if (NO_SESSION.test(new URL(request.url).pathname)) return fetch(request);
  const sent = accessToken;
  const again = request.clone();
  if (sent) request.headers.set('Authorization', `Bearer ${sent}`);
  const response = await fetch(request);
  if (response.status !== 401) return response;

  // Nobody is signed in: there is no session to keep or to end.
  if (!sent && !accessToken) return response;
  // Someone else refreshed while this call was out: just repeat it with the new token.
  const outcome = accessToken && accessToken !== sent ? 'refreshed' : await refreshSession();
  if (outcome === 'offline' || outcome === 'superseded') return response;
  if (outcome === 'refreshed' && accessToken) {
    again.headers.set('Authorization', `Bearer ${accessToken}`);
    const retried = await fetch(again);
    if (retried.status !== 401) return retried;
  }
  expireSession();
  return response;
}

type Listener = () => void;
const expiredListeners = new Set<Listener>();

/** A signed-in session could not be kept (refresh refused): sign in again. */
export function expireSession() {
  clearSession();
  for (const listener of expiredListeners) listener();
}

export function onSessionExpired(listener: Listener): () => void {
  expiredListeners.add(listener);
  return () => expiredListeners.delete(listener);
}

/** Local runtime only: the API signs any seeded user in (tokens and refresh cookie, as a real sign-in). */
export async function devSignIn(username: string): Promise<Tokens> {
  const step = await call(api().POST('/api/dev/sign-in', { body: { username } }));
  if (step.status !== 'signed_in') throw new ApiError(500, 'unexpected', `dev sign-in: ${step.status}`);
  return step.tokens;
}

/** Tokens an earlier version of the admin kept in storage: gone at the first start of this one. */
export function dropStoredTokens() {
  try {
    localStorage.removeItem('xjf.session');
    sessionStorage.removeItem('xjf.pkce');
  } catch {
    // Storage blocked (private mode on some phones): nothing was kept there either.
  }
}
