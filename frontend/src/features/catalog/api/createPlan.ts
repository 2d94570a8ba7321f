// POST /api/v1/admin/plans
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/problem';
import { staffKeys } from '@/lib/api/staffKeys';
import type { AdminPlan, NewPlan } from './types';

export async function createPlan(body: NewPlan): Promise<AdminPlan> {
  return unwrap(await api.POST('/api/v1/admin/plans', { body }));
}

/** Adds a plan to a product; it is on sale at once. */
export function useCreatePlan() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createPlan,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: staffKeys.catalog }),
  });
}
