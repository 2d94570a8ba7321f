// GET /api/v1/customer/subscriptions
import { unwrap } from '@/lib/api/problem';
import type { CursorPage } from '@/lib/api/operations';
import { useCursorList } from '@/lib/api/pagination';
import { pendingApi } from '@/lib/api/pendingClient';
import type { Subscription } from './pendingTypes';
import { subscriptionKeys } from './keys';

export async function listSubscriptions(cursor: string | undefined, limit: number): Promise<CursorPage<Subscription>> {
  return unwrap(
    await pendingApi.GET<CursorPage<Subscription>>('/api/v1/customer/subscriptions', {
      params: { query: { limit, ...(cursor ? { cursor } : {}) } },
    }),
  );
}

/** The customer's own subscriptions, a page at a time. */
export function useSubscriptions() {
  return useCursorList(subscriptionKeys.list, listSubscriptions);
}
