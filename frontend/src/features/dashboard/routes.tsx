// The freelancer's dashboard and sales list, loaded on demand. The app layer guards them by role.
import { lazy } from 'react';
import type { RouteObject } from 'react-router';

const DashboardPage = lazy(() => import('./pages/DashboardPage'));
const SalesPage = lazy(() => import('./pages/SalesPage'));

/** Freelancer routes, rendered in the signed-in layout. */
export const dashboardRoutes: RouteObject[] = [
  { path: 'app/dashboard', element: <DashboardPage /> },
  { path: 'app/sales', element: <SalesPage /> },
];
