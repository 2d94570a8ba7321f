// GET /api/v1/customer/subscriptions
import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/problem';
import type { CursorPage } from '@/lib/api/operations';
import { useCursorList } from '@/lib/api/pagination';
import type { Subscription } from './types';
import { subscriptionKeys } from './keys';

export async function listSubscriptions(cursor: string | undefined, limit: number): Promise<CursorPage<Subscription>> {
  return unwrap(
    await api.GET('/api/v1/customer/subscriptions', {
      params: { query: { limit, ...(cursor ? { cursor } : {}) } },
    }),
  );
}

/** The customer's own subscriptions, a page at a time. */
export function useSubscriptions() {
  return useCursorList(subscriptionKeys.list, listSubscriptions);
}
