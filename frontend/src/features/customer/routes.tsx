// The customer's Microsoft account: set-up wizard and status, and the partnership link
// from the approval email. Loaded on demand.
import { lazy } from 'react';
import type { RouteObject } from 'react-router';

const AccountSetupPage = lazy(() => import('./pages/AccountSetupPage'));
const PartnershipPage = lazy(() => import('./pages/PartnershipPage'));

/** Public: the emailed link opens in any browser; accepting asks to log in and comes back. */
export const customerPublicRoutes: RouteObject[] = [{ path: 'partnership/:token', element: <PartnershipPage /> }];

/** Customers only (signed in). */
export const customerRoutes: RouteObject[] = [{ path: 'app/account/setup', element: <AccountSetupPage /> }];
