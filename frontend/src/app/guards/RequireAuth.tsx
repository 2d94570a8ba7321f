import { useEffect } from 'react';
import { Navigate, Outlet, useLocation } from 'react-router';
import { ErrorState } from '@/components/ErrorState';
import { LoadingState } from '@/components/LoadingState';
import { useMe } from '@/features/auth';
import { isApiError } from '@/lib/api/problem';
import { tokenStore, useIsAuthenticated } from '@/lib/api/tokens';
import { CurrentUserContext } from '@/lib/session/currentUser';

/**
 * Renders its child routes for a signed-in user, with the user from /me in context.
 * Without a session it sends the visitor to the login page, remembering where they were.
 */
export function RequireAuth() {
  const authenticated = useIsAuthenticated();
  const location = useLocation();
  const me = useMe();
  const rejected = me.isError && isApiError(me.error) && me.error.status === 401;

  useEffect(() => {
    // The API refused the session even after a refresh attempt: forget it.
    if (rejected) tokenStore.clear();
  }, [rejected]);

  if (!authenticated || rejected) {
    const next = `${location.pathname}${location.search}${location.hash}`;
    return <Navigate to={`/login?next=${encodeURIComponent(next)}`} replace />;
  }
  if (me.isPending) {
    return (
      <main>
        <LoadingState />
      </main>
    );
  }
  if (me.isError) {
    return (
      <main>
        <ErrorState error={me.error} onRetry={() => void me.refetch()} />
      </main>
    );
  }
  return (
    <CurrentUserContext value={me.data}>
      <Outlet />
    </CurrentUserContext>
  );
}
