// POST /api/v1/support-tickets/{id}/messages
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/problem';
import type { Ticket } from '@/lib/api/types';
import { supportKeys } from './keys';

export async function replyToTicket(id: string, body: string): Promise<Ticket> {
  return unwrap(await api.POST('/api/v1/support-tickets/{id}/messages', { params: { path: { id } }, body: { body } }));
}

/** Adds a message; the answer is the whole ticket, which replaces the cached one. */
export function useReplyToTicket(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: string) => replyToTicket(id, body),
    onSuccess: (ticket) => {
      queryClient.setQueryData(supportKeys.ticket(id), ticket);
      void queryClient.invalidateQueries({ queryKey: [...supportKeys.all, 'mine'] });
    },
  });
}
