// GET /api/v1/plans (public)
import { useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/problem';
import type { Plan } from './types';
import { storefrontKeys } from './keys';

export async function listPlans(): Promise<Plan[]> {
  return unwrap(await api.GET('/api/v1/plans')).data;
}

/** The plans on sale, in the catalogue's order. */
export function usePlans(enabled = true) {
  return useQuery({ queryKey: storefrontKeys.plans, queryFn: listPlans, enabled, staleTime: 60_000 });
}
