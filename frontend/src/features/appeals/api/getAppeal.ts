// GET /api/v1/admin/appeals/{id}
import { useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/problem';
import { staffKeys } from '@/lib/api/staffKeys';
import type { Appeal } from './types';

export async function getAppeal(id: string): Promise<Appeal> {
  return unwrap(await api.GET('/api/v1/admin/appeals/{id}', { params: { path: { id } } }));
}

/** One appeal with the appellant. */
export function useAppeal(id: string | undefined) {
  return useQuery({
    queryKey: staffKeys.appeal(id ?? ''),
    queryFn: () => getAppeal(id ?? ''),
    enabled: Boolean(id),
  });
}
