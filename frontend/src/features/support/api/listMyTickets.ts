// GET /api/v1/me/support-tickets
import { useInfiniteQuery } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/problem';
import type { TicketList, TicketStatus } from '@/lib/api/types';
import { supportKeys } from './keys';

export async function listMyTickets(status: TicketStatus | null, cursor?: string): Promise<TicketList> {
  return unwrap(
    await api.GET('/api/v1/me/support-tickets', {
      params: { query: { limit: 20, ...(status ? { status } : {}), ...(cursor ? { cursor } : {}) } },
    }),
  );
}

/** The caller's tickets, newest first, a page at a time ("Load more"). */
export function useMyTickets(status: TicketStatus | null) {
  return useInfiniteQuery({
    queryKey: supportKeys.mine(status),
    queryFn: ({ pageParam }) => listMyTickets(status, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.next_cursor ?? undefined,
  });
}
