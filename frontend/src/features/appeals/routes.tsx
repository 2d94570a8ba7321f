// The freelancer's appeals, loaded on demand. The app layer guards them by role.
import { lazy } from 'react';
import type { RouteObject } from 'react-router';

const AppealsPage = lazy(() => import('./pages/AppealsPage'));
const AppealQueuePage = lazy(() => import('./pages/AppealQueuePage'));
const AppealDetailPage = lazy(() => import('./pages/AppealDetailPage'));

/** Freelancer routes, rendered in the signed-in layout. */
export const appealsRoutes: RouteObject[] = [{ path: 'app/appeals', element: <AppealsPage /> }];

/** Staff routes (the appeal queue), children of /admin. */
export const appealStaffRoutes: RouteObject[] = [
  { path: 'appeals', element: <AppealQueuePage /> },
  { path: 'appeals/:id', element: <AppealDetailPage /> },
];
