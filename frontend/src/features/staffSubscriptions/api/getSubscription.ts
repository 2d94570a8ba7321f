// GET /api/v1/admin/subscriptions/{id}
import { useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/problem';
import { staffKeys } from '@/lib/api/staffKeys';
import type { SubscriptionDetail } from './types';

export async function getSubscription(id: string): Promise<SubscriptionDetail> {
  return unwrap(await api.GET('/api/v1/admin/subscriptions/{id}', { params: { path: { id } } }));
}

/** One subscription, its customer and its event history. */
export function useSubscriptionDetail(id: string | undefined) {
  return useQuery({
    queryKey: staffKeys.subscription(id ?? ''),
    queryFn: () => getSubscription(id ?? ''),
    enabled: Boolean(id),
  });
}
