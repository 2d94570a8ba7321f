import { Outlet } from 'react-router';
import type { Role } from '@/lib/api/types';
import { useCurrentUser } from '@/lib/session/currentUser';
import { hasAnyRole } from '@/lib/session/roles';
import ForbiddenPage from '../pages/ForbiddenPage';

/** Renders its child routes only for users with one of `roles`; others see a 403 page. */
export function RequireRole({ roles }: { roles: readonly Role[] }) {
  const me = useCurrentUser();
  return hasAnyRole(me, roles) ? <Outlet /> : <ForbiddenPage />;
}
