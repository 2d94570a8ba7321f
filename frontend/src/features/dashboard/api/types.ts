// The dashboard feature's API types, named after the operations in openapi.yaml.
import type { QueryOf, ResultOf } from '@/lib/api/operations';
import type { Dashboard } from '@/lib/api/types';

export type { Dashboard };
export type RecentSale = Dashboard['recent_sales'][number];
/** A subscription sold through the link (GET /me/subscriptions). */
export type ReferredSubscription = ResultOf<'list_referred_subscriptions'>['data'][number];
/** Its filters: status, plan, and a date range on `created_at` (YYYY-MM-DD). */
export type SalesFilters = Omit<QueryOf<'list_referred_subscriptions'>, 'limit' | 'cursor'>;
