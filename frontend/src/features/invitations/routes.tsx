// The invitation link's page, loaded on demand. Public: the invitee may not have an
// account yet.
import { lazy } from 'react';
import type { RouteObject } from 'react-router';

const InvitationPage = lazy(() => import('./pages/InvitationPage'));
const InvitationsPage = lazy(() => import('./pages/InvitationsPage'));

/** Rendered in the public layout. */
export const invitationPublicRoutes: RouteObject[] = [{ path: 'invitations/:token', element: <InvitationPage /> }];

/** Staff routes (issuing and managing invitations), children of /admin. */
export const invitationStaffRoutes: RouteObject[] = [{ path: 'invitations', element: <InvitationsPage /> }];
