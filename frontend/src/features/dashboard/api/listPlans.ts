// GET /api/v1/plans (public): the plan names for the sales filter.
import { useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/problem';

export async function listPlanNames(): Promise<{ id: string; name: string }[]> {
  return unwrap(await api.GET('/api/v1/plans')).data.map((plan) => ({ id: plan.id, name: plan.name }));
}

export function usePlanNames() {
  return useQuery({ queryKey: ['dashboard', 'plans'], queryFn: listPlanNames, staleTime: 60_000 });
}
