// PATCH /api/v1/subscriptions/{id}: seats (up now with a prorated charge, down at renewal)
// or auto-renew.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/problem';
import type { Subscription, UpdateSubscription } from './types';
import { subscriptionKeys } from './keys';

export async function updateSubscription(id: string, body: UpdateSubscription): Promise<Subscription> {
  return unwrap(await api.PATCH('/api/v1/subscriptions/{id}', { params: { path: { id } }, body }));
}

export function useUpdateSubscription(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateSubscription) => updateSubscription(id, body),
    onSuccess: (subscription) => {
      queryClient.setQueryData(subscriptionKeys.detail(id), subscription);
      void queryClient.invalidateQueries({ queryKey: subscriptionKeys.list });
    },
    onError: () => void queryClient.invalidateQueries({ queryKey: subscriptionKeys.detail(id) }),
  });
}
