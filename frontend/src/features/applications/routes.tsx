// The application feature's pages, loaded on demand. The app layer guards them by role.
import { lazy } from 'react';
import type { RouteObject } from 'react-router';

const ApplicationPage = lazy(() => import('./pages/ApplicationPage'));
const ApplicationsPage = lazy(() => import('./pages/ApplicationsPage'));
const ApplicationDetailPage = lazy(() => import('./pages/ApplicationDetailPage'));

/** Freelancer routes, rendered in the signed-in layout. */
export const applicationRoutes: RouteObject[] = [{ path: 'app/application', element: <ApplicationPage /> }];

/** Staff routes (the review queue), children of /admin. */
export const applicationStaffRoutes: RouteObject[] = [
  { path: 'applications', element: <ApplicationsPage /> },
  { path: 'applications/:id', element: <ApplicationDetailPage /> },
];
