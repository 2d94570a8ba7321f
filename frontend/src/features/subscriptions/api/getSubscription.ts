// GET /api/v1/subscriptions/{id}
import { useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/problem';
import type { Subscription } from './types';
import { subscriptionKeys } from './keys';

export async function getSubscription(id: string): Promise<Subscription> {
  return unwrap(await api.GET('/api/v1/subscriptions/{id}', { params: { path: { id } } }));
}

export function useSubscription(id: string) {
  return useQuery({ queryKey: subscriptionKeys.detail(id), queryFn: () => getSubscription(id) });
}
