// Contacting support, loaded on demand. Open to every signed-in user: freelancers,
// customers and staff (emails to support link to a ticket's page).
import { lazy } from 'react';
import type { RouteObject } from 'react-router';

const SupportListPage = lazy(() => import('./pages/SupportListPage'));
const NewTicketPage = lazy(() => import('./pages/NewTicketPage'));
const TicketPage = lazy(() => import('./pages/TicketPage'));
const SupportTicketsPage = lazy(() => import('./pages/SupportTicketsPage'));

/** Signed-in routes, rendered in the signed-in layout. */
export const supportRoutes: RouteObject[] = [
  { path: 'app/support', element: <SupportListPage /> },
  { path: 'app/support/new', element: <NewTicketPage /> },
  { path: 'app/support/:id', element: <TicketPage /> },
];

/** Staff routes (the ticket queue), children of /admin. */
export const supportStaffRoutes: RouteObject[] = [{ path: 'support', element: <SupportTicketsPage /> }];
