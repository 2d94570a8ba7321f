// POST /api/v1/subscriptions/{id}/cancel
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/problem';
import type { Subscription } from './types';
import { subscriptionKeys } from './keys';

export async function cancelSubscription(id: string): Promise<Subscription> {
  return unwrap(await api.POST('/api/v1/subscriptions/{id}/cancel', { params: { path: { id } } }));
}

export function useCancelSubscription(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => cancelSubscription(id),
    onSuccess: (subscription) => {
      queryClient.setQueryData(subscriptionKeys.detail(id), subscription);
      void queryClient.invalidateQueries({ queryKey: subscriptionKeys.list });
    },
  });
}
