// GET /api/v1/me/appeals
import { useInfiniteQuery } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/problem';
import type { AppealList } from '@/lib/api/types';

export async function listMyAppeals(cursor?: string): Promise<AppealList> {
  return unwrap(await api.GET('/api/v1/me/appeals', { params: { query: { limit: 20, ...(cursor ? { cursor } : {}) } } }));
}

/** The caller's appeals, newest first, a page at a time. */
export function useMyAppeals() {
  return useInfiniteQuery({
    queryKey: ['appeals', 'mine'],
    queryFn: ({ pageParam }) => listMyAppeals(pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.next_cursor ?? undefined,
  });
}
