// The staff shell's own pages, loaded on demand: the home with the queues' counts and the
// audit log. Each area's staff pages live in that area's feature; the app layer mounts
// them all under /admin inside `StaffLayout` and guards them by role.
import { lazy } from 'react';
import type { RouteObject } from 'react-router';

const AdminHomePage = lazy(() => import('./pages/AdminHomePage'));
const AuditLogPage = lazy(() => import('./pages/AuditLogPage'));

/** Children of /admin. */
export const adminRoutes: RouteObject[] = [
  { index: true, element: <AdminHomePage /> },
  { path: 'audit-log', element: <AuditLogPage /> },
];
