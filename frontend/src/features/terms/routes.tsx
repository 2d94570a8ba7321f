// Staff pages about the programme terms (versions, publishing), loaded on demand. The
// freelancer accepts the terms in onboarding; the app layer mounts these under /admin.
import { lazy } from 'react';
import type { RouteObject } from 'react-router';

const TermsPage = lazy(() => import('./pages/TermsPage'));

/** Staff routes, children of /admin. */
export const termsStaffRoutes: RouteObject[] = [{ path: 'terms', element: <TermsPage /> }];
