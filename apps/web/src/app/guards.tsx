import type { ReactNode } from 'react';
import { Navigate, Outlet, useLocation, useSearchParams } from 'react-router';
import { hasPermission, type Permission } from '@craftmatch/shared';
import { PageLoader } from '../components/StateViews';
import { getLanding, useMe, useSessionStatus } from '../lib/session';

/**
 * Only for signed-in people; others go to sign-in and come back. A signed-out visitor of the bare
 * address lands on the public catalogue, the platform's shop window, which links to sign-in.
 */
export function RequireAuth() {
  const status = useSessionStatus();
  const location = useLocation();
  if (status === 'loading') return <PageLoader />;
  if (status === 'anonymous') {
    const next = location.pathname + location.search;
    return <Navigate to={next === '/' ? '/catalogue' : `/login?next=${encodeURIComponent(next)}`} replace />;
  }
  return <Outlet />;
}

/** Sign-in and registration pages: a signed-in person is sent on. */
export function RequireGuest() {
  const status = useSessionStatus();
  const [params] = useSearchParams();
  if (status === 'loading') return <PageLoader />;
  if (status === 'authenticated') {
    const next = params.get('next');
    // Only same-site paths, never `//evil.example`.
    const safeNext = next && next.startsWith('/') && !next.startsWith('//') ? next : null;
    return <Navigate to={getLanding() ?? safeNext ?? '/'} replace />;
  }
  return <Outlet />;
}

/** Same question the server's guard asks. */
export function RequirePermission({
  permission,
  children,
}: {
  permission: Permission;
  children?: ReactNode;
}) {
  const me = useMe();
  if (me.isPending) return <PageLoader />;
  if (!hasPermission(me.data?.role, permission)) return <Navigate to="/" replace />;
  return children ?? <Outlet />;
}
