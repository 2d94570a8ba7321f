// The storefront: the plan page (from a referral link, or without), the checkout, and the
// confirmation after payment. Loaded on demand.
import { lazy } from 'react';
import type { RouteObject } from 'react-router';

const ReferralPage = lazy(() => import('./pages/ReferralPage'));
const PlansPage = lazy(() => import('./pages/PlansPage'));
const CheckoutPage = lazy(() => import('./pages/CheckoutPage'));
const ConfirmationPage = lazy(() => import('./pages/ConfirmationPage'));

/** Public: a visitor chooses and checks out, signing up or in on the checkout page itself. */
export const storefrontPublicRoutes: RouteObject[] = [
  { path: 'r/:code', element: <ReferralPage /> },
  { path: 'plans', element: <PlansPage /> },
  { path: 'checkout', element: <CheckoutPage /> },
];

/** Customers only (signed in). */
export const storefrontCustomerRoutes: RouteObject[] = [
  { path: 'app/checkout/complete/:subscriptionId', element: <ConfirmationPage /> },
];
