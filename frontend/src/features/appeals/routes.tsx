// The freelancer's appeals, loaded on demand. The app layer guards them by role.
import { lazy } from 'react';
import type { RouteObject } from 'react-router';

const AppealsPage = lazy(() => import('./pages/AppealsPage'));

/** Freelancer routes, rendered in the signed-in layout. */
export const appealsRoutes: RouteObject[] = [{ path: 'app/appeals', element: <AppealsPage /> }];
