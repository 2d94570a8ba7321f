// PATCH /api/v1/admin/plans/{id}
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/problem';
import { staffKeys } from '@/lib/api/staffKeys';
import type { AdminPlan, PlanChanges } from './types';

export async function updatePlan(id: string, body: PlanChanges): Promise<AdminPlan> {
  return unwrap(await api.PATCH('/api/v1/admin/plans/{id}', { params: { path: { id } }, body }));
}

/**
 * Changes a plan: name, description, prices and rate (from each subscription's next
 * renewal on), or `active` (false retires it: no longer sold, existing ones renew).
 */
export function useUpdatePlan(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: PlanChanges) => updatePlan(id, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: staffKeys.catalog }),
  });
}
