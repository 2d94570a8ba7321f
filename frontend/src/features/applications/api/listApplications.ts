// GET /api/v1/admin/applications
import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/problem';
import { staffKeys } from '@/lib/api/staffKeys';
import { useCursorList } from '@/lib/api/pagination';
import type { Application, ApplicationQuery, CursorPage } from './types';

export async function listApplications(query: ApplicationQuery): Promise<CursorPage<Application>> {
  return unwrap(await api.GET('/api/v1/admin/applications', { params: { query } }));
}

export type ApplicationFilters = Omit<ApplicationQuery, 'cursor' | 'limit'>;

/** The review queue, newest first. */
export function useApplicationQueue(filters: ApplicationFilters) {
  return useCursorList([...staffKeys.applications, 'list', filters], (cursor, limit) =>
    listApplications({ ...filters, cursor, limit }),
  );
}
