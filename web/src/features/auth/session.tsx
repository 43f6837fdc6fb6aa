import type { RuntimeConfig } from '@xjf/domain';
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { api, call, type Schemas } from '../../lib/api';
import { clearToken, cognitoSignOutUrl, currentToken, onSessionExpired } from '../../lib/auth';

export type Me = Schemas['Me'];

type Session = {
  config: RuntimeConfig;
  status: 'loading' | 'signedIn' | 'signedOut';
  me: Me | undefined;
  /** Why the session ended: the API refused the token (say so on sign-in) or the user signed out. */
  signedOutBy: 'expiry' | 'user' | undefined;
  /** Reads /api/me with the stored token; call after a sign-in has saved one. */
  refresh(): Promise<void>;
  signOut(): void;
};

const SessionContext = createContext<Session | undefined>(undefined);

export function SessionProvider({ config, children }: { config: RuntimeConfig; children: ReactNode }) {
  const [me, setMe] = useState<Me>();
  const [status, setStatus] = useState<Session['status']>('loading');
  const [signedOutBy, setSignedOutBy] = useState<Session['signedOutBy']>();

  const refresh = useCallback(async () => {
    if (!currentToken()) {
      setMe(undefined);
      setStatus('signedOut');
      return;
    }
    try {
      setMe(await call(api().GET('/api/me')));
      setSignedOutBy(undefined);
      setStatus('signedIn');
    } catch {
      clearToken();
      setMe(undefined);
      setStatus('signedOut');
    }
  }, []);

  useEffect(() => {
    void refresh();
    return onSessionExpired(() => {
      setMe(undefined);
      setSignedOutBy('expiry');
      setStatus('signedOut');
    });
  }, [refresh]);

  const signOut = useCallback(() => {
    clearToken();
    setMe(undefined);
    setSignedOutBy('user');
    setStatus('signedOut');
    if (config.auth.mode === 'cognito') window.location.assign(cognitoSignOutUrl(config.auth));
  }, [config]);

  const value = useMemo(
    () => ({ config, status, me, signedOutBy, refresh, signOut }),
    [config, status, me, signedOutBy, refresh, signOut],
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
