// GET /api/v1/support-tickets/{id}
import { useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/problem';
import type { Ticket } from '@/lib/api/types';
import { supportKeys } from './keys';

export async function getTicket(id: string): Promise<Ticket> {
  return unwrap(await api.GET('/api/v1/support-tickets/{id}', { params: { path: { id } } }));
}

/** A ticket with its whole conversation, oldest message first. */
export function useTicket(id: string) {
  return useQuery({ queryKey: supportKeys.ticket(id), queryFn: () => getTicket(id) });
}
