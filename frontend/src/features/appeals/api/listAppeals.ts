// GET /api/v1/admin/appeals
import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/problem';
import { staffKeys } from '@/lib/api/staffKeys';
import { useCursorList } from '@/lib/api/pagination';
import type { Appeal, AppealQuery, CursorPage } from './types';

export async function listAppeals(query: AppealQuery): Promise<CursorPage<Appeal>> {
  return unwrap(await api.GET('/api/v1/admin/appeals', { params: { query } }));
}

export type AppealFilters = Pick<AppealQuery, 'status'>;

/** Support's appeal queue, newest first. */
export function useAppealQueue(filters: AppealFilters) {
  return useCursorList([...staffKeys.appeals, 'list', filters], (cursor, limit) =>
    listAppeals({ ...filters, cursor, limit }),
  );
}
