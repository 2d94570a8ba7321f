// Support's view of subscriptions (staff), loaded on demand. The app layer guards it by role.
import { lazy } from 'react';
import type { RouteObject } from 'react-router';

const SubscriptionsPage = lazy(() => import('./pages/SubscriptionsPage'));
const SubscriptionDetailPage = lazy(() => import('./pages/SubscriptionDetailPage'));

/** Staff routes, children of /admin. Self-referrals are /admin/subscriptions?self_referral=true. */
export const subscriptionStaffRoutes: RouteObject[] = [
  { path: 'subscriptions', element: <SubscriptionsPage /> },
  { path: 'subscriptions/:id', element: <SubscriptionDetailPage /> },
];
