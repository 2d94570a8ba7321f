// The staff subscription pages' API types, named after the operations in openapi.yaml
// (nothing here is written by hand).
import type { QueryOf, ResultOf } from '@/lib/api/operations';

export type { CursorPage } from '@/lib/api/operations';

/** A subscription in the staff list, with its customer. */
export type StaffSubscription = ResultOf<'admin_list_subscriptions'>['data'][number];
/** One subscription, its customer and its event history. */
export type SubscriptionDetail = ResultOf<'admin_get_subscription'>;
export type SubscriptionEvent = SubscriptionDetail['events'][number];
export type SubscriptionEventKind = SubscriptionEvent['kind'];
export type SubscriptionStatus = StaffSubscription['status'];
export type SubscriptionQuery = QueryOf<'admin_list_subscriptions'>;
