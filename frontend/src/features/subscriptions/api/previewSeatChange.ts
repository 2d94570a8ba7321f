// GET /api/v1/subscriptions/{id}/seat-change?seats=N: what a new seat count costs, and when.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/problem';
import type { SeatChangePreview } from './types';
import { subscriptionKeys } from './keys';

export async function previewSeatChange(id: string, seats: number): Promise<SeatChangePreview> {
  return unwrap(
    await api.GET('/api/v1/subscriptions/{id}/seat-change', {
      params: { path: { id }, query: { seats } },
    }),
  );
}

/** The preview for `seats`, or nothing while it is null (not a valid, different count). */
export function useSeatChangePreview(id: string, seats: number | null) {
  return useQuery({
    queryKey: subscriptionKeys.seatChange(id, seats ?? 0),
    queryFn: () => previewSeatChange(id, seats ?? 0),
    enabled: seats !== null,
    // The old preview stays while the next one loads, so the text does not flicker.
    placeholderData: keepPreviousData,
  });
}
