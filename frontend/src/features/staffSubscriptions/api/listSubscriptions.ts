// GET /api/v1/admin/subscriptions
import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/problem';
import { staffKeys } from '@/lib/api/staffKeys';
import { useCursorList } from '@/lib/api/pagination';
import type { CursorPage, StaffSubscription, SubscriptionQuery } from './types';

export async function listSubscriptions(query: SubscriptionQuery): Promise<CursorPage<StaffSubscription>> {
  return unwrap(await api.GET('/api/v1/admin/subscriptions', { params: { query } }));
}

export type SubscriptionFilters = Omit<SubscriptionQuery, 'cursor' | 'limit'>;

/** Every subscription with its customer, in the order the API keeps them. */
export function useSubscriptionList(filters: SubscriptionFilters) {
  return useCursorList([...staffKeys.subscriptions, 'list', filters], (cursor, limit) =>
    listSubscriptions({ ...filters, cursor, limit }),
  );
}
