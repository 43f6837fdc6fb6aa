import type { RuntimeConfig } from '@xjf/domain';
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { ApiError, api, call, type Schemas } from '../../lib/api';
import {
  clearSession,
  currentToken,
  endSession,
  onSessionExpired,
  type RefreshOutcome,
  refreshSession,
  restoreSession,
  startSession,
  type Tokens,
} from '../../lib/auth';

export type Me = Schemas['Me'];

type Session = {
  config: RuntimeConfig;
  /** `offline`: at start-up the API did not answer, so it is not known whether anyone is signed in. */
  status: 'loading' | 'signedIn' | 'signedOut' | 'offline';
  me: Me | undefined;
  /** Why the session ended: the API refused it (say so on sign-in) or the user signed out. */
  signedOutBy: 'expiry' | 'user' | undefined;
  /** Keeps the tokens of a finished sign-in and reads who signed in. */
  signIn(tokens: Tokens): Promise<void>;
  /** Ends the session on the API; throws (and stays signed in) when the API could not be reached. */
  signOut(): Promise<void>;
  /** After `offline`: asks the API again. */
  retry(): void;
};

const SessionContext = createContext<Session | undefined>(undefined);
const isNetwork = (error: unknown) => error instanceof ApiError && error.code === 'network';

export function SessionProvider({ config, children }: { config: RuntimeConfig; children: ReactNode }) {
  const [me, setMe] = useState<Me>();
  const [status, setStatus] = useState<Session['status']>('loading');
  const [signedOutBy, setSignedOutBy] = useState<Session['signedOutBy']>();

  const loadMe = useCallback(async () => {
    setMe(await call(api().GET('/api/me')));
    setSignedOutBy(undefined);
    setStatus('signedIn');
  }, []);

  const resume = useCallback(
    async (outcome: Promise<RefreshOutcome>) => {
      const result = await outcome;
      if (result === 'offline') return setStatus('offline');
      if (!currentToken()) return setStatus('signedOut');
      try {
        await loadMe();
      } catch (error) {
        if (isNetwork(error)) return setStatus('offline');
        clearSession();
        setStatus('signedOut');
      }
    },
    [loadMe],
  );

  useEffect(() => {
    // Shared with main.tsx, which started it before the first render: one refresh per page load.
    void resume(restoreSession());
    return onSessionExpired(() => {
      setMe(undefined);
      setSignedOutBy('expiry');
      setStatus('signedOut');
    });
  }, [resume]);

  const signIn = useCallback(
    async (tokens: Tokens) => {
      startSession(tokens);
      try {
        await loadMe();
      } catch (error) {
        clearSession();
        throw error;
      }
    },
    [loadMe],
  );

  const signOut = useCallback(async () => {
    await endSession();
    setMe(undefined);
    setSignedOutBy('user');
    setStatus('signedOut');
  }, []);

  const retry = useCallback(() => {
    setStatus('loading');
    void resume(refreshSession());
  }, [resume]);

  const value = useMemo(
    () => ({ config, status, me, signedOutBy, signIn, signOut, retry }),
    [config, status, me, signedOutBy, signIn, signOut, retry],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession() outside <SessionProvider>');
  return session;
}

/** The signed-in user, for pages that are only routed to when there is one. */
export function useMe(): Me {
  const { me } = useSession();
  if (!me) throw new Error('useMe() on a page reachable without sign-in');
  return me;
}
