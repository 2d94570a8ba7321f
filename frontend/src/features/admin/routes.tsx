// The staff area's pages, loaded on demand. The app layer guards them by role.
import { lazy } from 'react';
import type { RouteObject } from 'react-router';

const AdminHomePage = lazy(() => import('./pages/AdminHomePage'));

/** Children of /admin. */
export const adminRoutes: RouteObject[] = [{ index: true, element: <AdminHomePage /> }];
