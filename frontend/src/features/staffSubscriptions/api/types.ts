// The staff subscription pages' API types. TEMPORARY: from ./pendingTypes until the
// routes are in openapi.yaml; then named after the generated operations (ResultOf/QueryOf).
export type { CursorPage } from '@/lib/api/operations';
export type {
  StaffSubscription,
  SubscriptionDetail,
  SubscriptionEvent,
  SubscriptionEventKind,
  SubscriptionQuery,
  SubscriptionStatus,
} from './pendingTypes';
