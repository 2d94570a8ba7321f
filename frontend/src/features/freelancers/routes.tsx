// Staff pages about freelancers (list, detail, tier), loaded on demand. The app layer
// mounts them under /admin in the staff layout and guards them by role.
import { lazy } from 'react';
import type { RouteObject } from 'react-router';

const FreelancersPage = lazy(() => import('./pages/FreelancersPage'));
const FreelancerDetailPage = lazy(() => import('./pages/FreelancerDetailPage'));

/** Staff routes, children of /admin. */
export const freelancerStaffRoutes: RouteObject[] = [
  { path: 'freelancers', element: <FreelancersPage /> },
  { path: 'freelancers/:id', element: <FreelancerDetailPage /> },
];
