// GET /api/v1/admin/support-tickets
import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/problem';
import { staffKeys } from '@/lib/api/staffKeys';
import { useCursorList } from '@/lib/api/pagination';
import type { CursorPage, StaffTicket, TicketQuery } from './types';

export async function listSupportTickets(query: TicketQuery): Promise<CursorPage<StaffTicket>> {
  return unwrap(await api.GET('/api/v1/admin/support-tickets', { params: { query } }));
}

export type TicketFilters = Pick<TicketQuery, 'status' | 'category'>;

/** Support's ticket queue, newest first, with requesters and message counts. */
export function useTicketQueue(filters: TicketFilters) {
  return useCursorList([...staffKeys.tickets, 'list', filters], (cursor, limit) =>
    listSupportTickets({ ...filters, cursor, limit }),
  );
}
