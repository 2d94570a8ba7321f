// The application feature's pages, loaded on demand. The app layer guards them by role.
import { lazy } from 'react';
import type { RouteObject } from 'react-router';

const ApplicationPage = lazy(() => import('./pages/ApplicationPage'));

/** Freelancer routes, rendered in the signed-in layout. */
export const applicationRoutes: RouteObject[] = [{ path: 'app/application', element: <ApplicationPage /> }];
