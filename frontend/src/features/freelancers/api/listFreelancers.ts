// GET /api/v1/admin/freelancers
import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/problem';
import { staffKeys } from '@/lib/api/staffKeys';
import { useCursorList } from '@/lib/api/pagination';
import type { CursorPage, FreelancerQuery, FreelancerView } from './types';

export async function listFreelancers(query: FreelancerQuery): Promise<CursorPage<FreelancerView>> {
  return unwrap(await api.GET('/api/v1/admin/freelancers', { params: { query } }));
}

export type FreelancerFilters = Pick<FreelancerQuery, 'status' | 'tier'>;

/** Freelancers, newest first. */
export function useFreelancers(filters: FreelancerFilters) {
  return useCursorList([...staffKeys.freelancers, 'list', filters], (cursor, limit) =>
    listFreelancers({ ...filters, cursor, limit }),
  );
}
