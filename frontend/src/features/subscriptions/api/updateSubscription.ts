// PATCH /api/v1/subscriptions/{id}: seats (up now with a prorated charge, down at renewal)
// or auto-renew.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { unwrap } from '@/lib/api/problem';
import { pendingApi } from '@/lib/api/pendingClient';
import type { Subscription, UpdateSubscription } from './pendingTypes';
import { subscriptionKeys } from './keys';

export async function updateSubscription(id: string, body: UpdateSubscription): Promise<Subscription> {
  return unwrap(await pendingApi.PATCH<Subscription>('/api/v1/subscriptions/{id}', { params: { path: { id } }, body }));
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
