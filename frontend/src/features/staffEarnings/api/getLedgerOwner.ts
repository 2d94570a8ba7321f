// GET /api/v1/admin/freelancers/{id}: whose ledger this is. The freelancer pages have their
// own fetcher; both share the cache entry through the staff key.
import { useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/problem';
import { staffKeys } from '@/lib/api/staffKeys';
import type { LedgerOwner } from './types';

export async function getLedgerOwner(id: string): Promise<LedgerOwner> {
  return unwrap(await api.GET('/api/v1/admin/freelancers/{id}', { params: { path: { id } } }));
}

export function useLedgerOwner(id: string) {
  return useQuery({ queryKey: staffKeys.freelancer(id), queryFn: () => getLedgerOwner(id), enabled: Boolean(id) });
}
