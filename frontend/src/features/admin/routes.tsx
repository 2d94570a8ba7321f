// The staff area's pages, loaded on demand, inside the staff sub-navigation. The app
// layer guards them by role.
import { lazy } from 'react';
import type { RouteObject } from 'react-router';
import { AdminLayout } from './components/AdminLayout';

const AdminHomePage = lazy(() => import('./pages/AdminHomePage'));
const InvitationsPage = lazy(() => import('./pages/InvitationsPage'));
const ApplicationsPage = lazy(() => import('./pages/ApplicationsPage'));
const ApplicationDetailPage = lazy(() => import('./pages/ApplicationDetailPage'));
const AppealsPage = lazy(() => import('./pages/AppealsPage'));
const AppealDetailPage = lazy(() => import('./pages/AppealDetailPage'));
const SupportTicketsPage = lazy(() => import('./pages/SupportTicketsPage'));
const FreelancersPage = lazy(() => import('./pages/FreelancersPage'));
const FreelancerDetailPage = lazy(() => import('./pages/FreelancerDetailPage'));
const TermsPage = lazy(() => import('./pages/TermsPage'));
const AuditLogPage = lazy(() => import('./pages/AuditLogPage'));

/** Children of /admin. */
export const adminRoutes: RouteObject[] = [
  {
    element: <AdminLayout />,
    children: [
      { index: true, element: <AdminHomePage /> },
      { path: 'invitations', element: <InvitationsPage /> },
      { path: 'applications', element: <ApplicationsPage /> },
      { path: 'applications/:id', element: <ApplicationDetailPage /> },
      { path: 'appeals', element: <AppealsPage /> },
      { path: 'appeals/:id', element: <AppealDetailPage /> },
      { path: 'support', element: <SupportTicketsPage /> },
      { path: 'freelancers', element: <FreelancersPage /> },
      { path: 'freelancers/:id', element: <FreelancerDetailPage /> },
      { path: 'terms', element: <TermsPage /> },
      { path: 'audit-log', element: <AuditLogPage /> },
    ],
  },
];
