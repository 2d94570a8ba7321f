// Support's view of the earnings ledger (staff), loaded on demand: a freelancer's ledger
// and its entries (reached from the freelancer's page), the payout queue, and the ledger
// check. The app layer guards them by role.
import { lazy } from 'react';
import type { RouteObject } from 'react-router';

const FreelancerLedgerPage = lazy(() => import('./pages/FreelancerLedgerPage'));
const LedgerEntryPage = lazy(() => import('./pages/LedgerEntryPage'));
const WithdrawalsPage = lazy(() => import('./pages/WithdrawalsPage'));
const LedgerVerifyPage = lazy(() => import('./pages/LedgerVerifyPage'));

/** Staff routes, children of /admin. */
export const earningStaffRoutes: RouteObject[] = [
  { path: 'freelancers/:id/earnings', element: <FreelancerLedgerPage /> },
  { path: 'freelancers/:id/earnings/:entryId', element: <LedgerEntryPage /> },
  { path: 'withdrawals', element: <WithdrawalsPage /> },
  { path: 'ledger', element: <LedgerVerifyPage /> },
];
