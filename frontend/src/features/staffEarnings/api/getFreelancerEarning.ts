// GET /api/v1/admin/freelancers/{id}/earnings/{entry_id}
import { useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/problem';
import { staffKeys } from '@/lib/api/staffKeys';
import type { EarningDetail } from './types';

export async function getFreelancerEarning(id: string, entryId: string): Promise<EarningDetail> {
  return unwrap(
    await api.GET('/api/v1/admin/freelancers/{id}/earnings/{entry_id}', { params: { path: { id, entry_id: entryId } } }),
  );
}

/** One ledger entry with its timeline and the entries it is linked to. */
export function useFreelancerEarning(id: string, entryId: string) {
  return useQuery({
    queryKey: staffKeys.earning(id, entryId),
    queryFn: () => getFreelancerEarning(id, entryId),
    enabled: Boolean(id && entryId),
  });
}
