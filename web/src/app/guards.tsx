import { Navigate, Outlet, useLocation } from 'react-router-dom';
import { useMe, useSession } from '../features/auth/session';
import type { Role } from '../lib/api';
import { Forbidden, FullPageSpin, Offline } from './feedback';
import { homeOf } from './nav';

export function RequireSignIn() {
  const { status, signedOutBy, retry } = useSession();
  const location = useLocation();
  if (status === 'loading') return <FullPageSpin />;
  if (status === 'offline') return <Offline onRetry={retry} />;
  if (status === 'signedOut') {
    // Come back here after signing in, unless the user chose to leave: the next one may have another role.
    const from = signedOutBy === 'user' ? undefined : location.pathname + location.search;
    return <Navigate to="/sign-in" replace state={{ from }} />;
  }
  return <Outlet />;
}

export function RequireRole({ roles }: { roles: Role[] }) {
  const me = useMe();
  return roles.includes(me.role) ? <Outlet /> : <Forbidden />;
}

export function HomeRedirect() {
  return <Navigate to={homeOf(useMe())} replace />;
}
