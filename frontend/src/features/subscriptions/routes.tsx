// The customer's subscriptions, loaded on demand.
import { lazy } from 'react';
import type { RouteObject } from 'react-router';

const SubscriptionsPage = lazy(() => import('./pages/SubscriptionsPage'));
const SubscriptionPage = lazy(() => import('./pages/SubscriptionPage'));

/** Customers only (signed in). */
export const subscriptionCustomerRoutes: RouteObject[] = [
  { path: 'app/subscriptions', element: <SubscriptionsPage /> },
  { path: 'app/subscriptions/:id', element: <SubscriptionPage /> },
];
