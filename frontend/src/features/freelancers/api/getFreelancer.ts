// GET /api/v1/admin/freelancers/{id}
import { useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/problem';
import { staffKeys } from '@/lib/api/staffKeys';
import type { FreelancerView } from './types';

export async function getFreelancer(id: string): Promise<FreelancerView> {
  return unwrap(await api.GET('/api/v1/admin/freelancers/{id}', { params: { path: { id } } }));
}

/** One freelancer with eligibility and missing steps. */
export function useFreelancer(id: string | undefined) {
  return useQuery({
    queryKey: staffKeys.freelancer(id ?? ''),
    queryFn: () => getFreelancer(id ?? ''),
    enabled: Boolean(id),
  });
}
