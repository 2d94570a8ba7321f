// GET /api/v1/admin/applications/{id}: the application an appeal is about. The review
// queue has its own fetcher; both share the cache entry through the staff key.
import { useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/problem';
import { staffKeys } from '@/lib/api/staffKeys';
import type { AppealedApplication } from './types';

export async function getAppealedApplication(id: string): Promise<AppealedApplication> {
  return unwrap(await api.GET('/api/v1/admin/applications/{id}', { params: { path: { id } } }));
}

export function useAppealedApplication(id: string) {
  return useQuery({ queryKey: staffKeys.application(id), queryFn: () => getAppealedApplication(id) });
}
