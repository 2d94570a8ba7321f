// The freelancer's earnings page, loaded on demand. The app layer guards it by role.
import { lazy } from 'react';
import type { RouteObject } from 'react-router';

const EarningsPage = lazy(() => import('./pages/EarningsPage'));

/** Freelancer routes, rendered in the signed-in layout. Emails about an entry link to its timeline. */
export const earningsRoutes: RouteObject[] = [
  { path: 'app/earnings', element: <EarningsPage /> },
  { path: 'app/earnings/:entryId', element: <EarningsPage /> },
];
