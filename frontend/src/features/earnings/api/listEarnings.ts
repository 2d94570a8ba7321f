// GET /api/v1/me/earnings?kind=&status=&limit=&cursor=
import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import { PAGE_SIZE } from '@/lib/api/pagination';
import { unwrap } from '@/lib/api/problem';
import { earningKeys } from './keys';
import type { EarningFilters, EarningsPage } from './types';

export async function listEarnings(filters: EarningFilters, cursor: string | undefined, limit: number): Promise<EarningsPage> {
  const query = { ...filters, limit, ...(cursor ? { cursor } : {}) };
  return unwrap(await api.GET('/api/v1/me/earnings', { params: { query } }));
}

/** The ledger, newest first, a page at a time; the balances come with every page (the first one's are shown). */
export function useEarnings(filters: EarningFilters) {
  const query = useInfiniteQuery({
    queryKey: earningKeys.list(filters),
    queryFn: ({ pageParam }) => listEarnings(filters, pageParam, PAGE_SIZE),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.next_cursor ?? undefined,
    // The balances stay on screen while another filter loads.
    placeholderData: keepPreviousData,
  });
  const items = query.data?.pages.flatMap((page) => page.data) ?? [];
  const balances = query.data?.pages[0]?.balances;
  return { ...query, items, balances };
}
