// GET /api/v1/subscriptions/{id}/cancellation: what cancelling now would do (refund, or
// auto-renew off and the end date), shown before the customer confirms.
import { useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/problem';
import type { CancellationPreview } from './types';
import { subscriptionKeys } from './keys';

export async function previewCancellation(id: string): Promise<CancellationPreview> {
  return unwrap(await api.GET('/api/v1/subscriptions/{id}/cancellation', { params: { path: { id } } }));
}

/** Asked afresh each time the dialog opens: the refund shrinks by the hour. */
export function useCancellationPreview(id: string, enabled: boolean) {
  return useQuery({
    queryKey: subscriptionKeys.cancellation(id),
    queryFn: () => previewCancellation(id),
    enabled,
    staleTime: 0,
    gcTime: 0,
  });
}
