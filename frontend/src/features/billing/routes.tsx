// "Billing and payments": the customer's invoices, loaded on demand.
import { lazy } from 'react';
import type { RouteObject } from 'react-router';

const BillingPage = lazy(() => import('./pages/BillingPage'));
const InvoicePage = lazy(() => import('./pages/InvoicePage'));

/** Customers only (signed in). */
export const billingCustomerRoutes: RouteObject[] = [
  { path: 'app/billing', element: <BillingPage /> },
  { path: 'app/billing/invoices/:id', element: <InvoicePage /> },
];
