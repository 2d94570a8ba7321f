// GET /api/v1/admin/applications/{id}
import { useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/problem';
import { staffKeys } from '@/lib/api/staffKeys';
import type { Application } from './types';

export async function getApplication(id: string): Promise<Application> {
  return unwrap(await api.GET('/api/v1/admin/applications/{id}', { params: { path: { id } } }));
}

/** One application with its applicant and decision. */
export function useApplication(id: string | undefined) {
  return useQuery({
    queryKey: staffKeys.application(id ?? ''),
    queryFn: () => getApplication(id ?? ''),
    enabled: Boolean(id),
  });
}
