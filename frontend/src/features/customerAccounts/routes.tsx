// The customer-account review (staff), loaded on demand. The app layer guards it by role.
import { lazy } from 'react';
import type { RouteObject } from 'react-router';

const CustomerAccountsPage = lazy(() => import('./pages/CustomerAccountsPage'));
const CustomerAccountDetailPage = lazy(() => import('./pages/CustomerAccountDetailPage'));

/** Staff routes (the review queue), children of /admin. */
export const customerAccountStaffRoutes: RouteObject[] = [
  { path: 'customer-accounts', element: <CustomerAccountsPage /> },
  { path: 'customer-accounts/:id', element: <CustomerAccountDetailPage /> },
];
