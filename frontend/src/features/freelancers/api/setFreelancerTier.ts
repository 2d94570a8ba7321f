// PUT /api/v1/admin/freelancers/{id}/tier
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/problem';
import { staffKeys } from '@/lib/api/staffKeys';
import type { FreelancerView, Tier } from './types';

export async function setFreelancerTier(id: string, tier: Tier): Promise<FreelancerView> {
  return unwrap(await api.PUT('/api/v1/admin/freelancers/{id}/tier', { params: { path: { id } }, body: { tier } }));
}

/** Sets the seller tier, which decides the clearing period (audited; the freelancer is emailed). */
export function useSetFreelancerTier(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (tier: Tier) => setFreelancerTier(id, tier),
    onSuccess: (freelancer) => {
      queryClient.setQueryData(staffKeys.freelancer(id), freelancer);
      return queryClient.invalidateQueries({ queryKey: [...staffKeys.freelancers, 'list'] });
    },
  });
}
