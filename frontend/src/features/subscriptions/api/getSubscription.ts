// GET /api/v1/subscriptions/{id}
import { useQuery } from '@tanstack/react-query';
import { unwrap } from '@/lib/api/problem';
import { pendingApi } from '@/lib/api/pendingClient';
import type { Subscription } from './pendingTypes';
import { subscriptionKeys } from './keys';

export async function getSubscription(id: string): Promise<Subscription> {
  return unwrap(await pendingApi.GET<Subscription>('/api/v1/subscriptions/{id}', { params: { path: { id } } }));
}

export function useSubscription(id: string) {
  return useQuery({ queryKey: subscriptionKeys.detail(id), queryFn: () => getSubscription(id) });
}
