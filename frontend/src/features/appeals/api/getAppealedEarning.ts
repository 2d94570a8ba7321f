// GET /api/v1/admin/freelancers/{id}/earnings/{entry_id}: the ledger entry an earning
// appeal is about. The ledger pages have their own fetcher; both share the cache entry
// through the staff key.
import { useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/problem';
import { staffKeys } from '@/lib/api/staffKeys';
import type { AppealedEarning } from './types';

export async function getAppealedEarning(freelancerId: string, entryId: string): Promise<AppealedEarning> {
  return unwrap(
    await api.GET('/api/v1/admin/freelancers/{id}/earnings/{entry_id}', { params: { path: { id: freelancerId, entry_id: entryId } } }),
  );
}

export function useAppealedEarning(freelancerId: string, entryId: string, enabled = true) {
  return useQuery({
    queryKey: staffKeys.earning(freelancerId, entryId),
    queryFn: () => getAppealedEarning(freelancerId, entryId),
    enabled,
  });
}
