// Cursor pagination shared by the lists (the staff queues first): TanStack's infinite
// queries over the API's `{data, next_cursor}` pages, "Load more" fetching the next page.
import { useInfiniteQuery, useQuery, type QueryKey } from '@tanstack/react-query';
import type { CursorPage } from './operations';

/** Lists load this many rows per page ("Load more" fetches the next page). */
export const PAGE_SIZE = 25;

/** A list whose pages are fetched one cursor after the other. */
export function useCursorList<T>(queryKey: QueryKey, fetchPage: (cursor: string | undefined, limit: number) => Promise<CursorPage<T>>) {
  const query = useInfiniteQuery({
    queryKey,
    queryFn: ({ pageParam }) => fetchPage(pageParam, PAGE_SIZE),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.next_cursor ?? undefined,
  });
  const items = query.data?.pages.flatMap((page) => page.data) ?? [];
  return { ...query, items };
}

/**
 * How many items a filtered list has, counting up to `limit`: `more` says there are
 * further pages (the API has no totals, so the home page shows "100+").
 */
export function useListCount(
  queryKey: QueryKey,
  fetchPage: (cursor: string | undefined, limit: number) => Promise<CursorPage<unknown>>,
  limit = 100,
) {
  return useQuery({
    queryKey: [...queryKey, 'count', limit],
    queryFn: async () => {
      const page = await fetchPage(undefined, limit);
      return { count: page.data.length, more: Boolean(page.next_cursor) };
    },
  });
}
