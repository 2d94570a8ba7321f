// The freelancer's dashboard, loaded on demand. The app layer guards it by role.
import { lazy } from 'react';
import type { RouteObject } from 'react-router';

const DashboardPage = lazy(() => import('./pages/DashboardPage'));

/** Freelancer routes, rendered in the signed-in layout. */
export const dashboardRoutes: RouteObject[] = [{ path: 'app/dashboard', element: <DashboardPage /> }];
