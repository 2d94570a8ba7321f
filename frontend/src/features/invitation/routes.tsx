// The invitation link's page, loaded on demand. Public: the invitee may not have an
// account yet.
import { lazy } from 'react';
import type { RouteObject } from 'react-router';

const InvitationPage = lazy(() => import('./pages/InvitationPage'));

/** Rendered in the public layout. */
export const invitationPublicRoutes: RouteObject[] = [{ path: 'invitations/:token', element: <InvitationPage /> }];
