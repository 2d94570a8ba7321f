// POST /api/v1/admin/freelancers/{id}/adjustments, with the submission's Idempotency-Key:
// a retry of the same submission (a timeout, a second click) can never post twice.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/problem';
import { staffKeys } from '@/lib/api/staffKeys';
import type { AdjustmentRequest, EarningEntry } from './types';

export async function createAdjustment(id: string, body: AdjustmentRequest, idempotencyKey: string): Promise<EarningEntry> {
  return unwrap(
    await api.POST('/api/v1/admin/freelancers/{id}/adjustments', {
      params: { path: { id } },
      body,
      headers: { 'Idempotency-Key': idempotencyKey },
    }),
  );
}

/** Posts an adjustment (audited; it moves the freelancer's available funds at once). */
export function useCreateAdjustment(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ body, idempotencyKey }: { body: AdjustmentRequest; idempotencyKey: string }) => createAdjustment(id, body, idempotencyKey),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: staffKeys.earnings(id) }),
        queryClient.invalidateQueries({ queryKey: staffKeys.ledgerReport }),
      ]),
  });
}
