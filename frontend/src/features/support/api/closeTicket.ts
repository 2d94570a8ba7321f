// POST /api/v1/support-tickets/{id}/close
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import { isApiError, unwrap } from '@/lib/api/problem';
import type { Ticket } from '@/lib/api/types';
import { supportKeys } from './keys';

export async function closeTicket(id: string): Promise<Ticket> {
  return unwrap(await api.POST('/api/v1/support-tickets/{id}/close', { params: { path: { id } } }));
}

export function useCloseTicket(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => closeTicket(id),
    onSuccess: (ticket) => {
      queryClient.setQueryData(supportKeys.ticket(id), ticket);
      void queryClient.invalidateQueries({ queryKey: [...supportKeys.all, 'mine'] });
    },
    onError: (error) => {
      // Closed meanwhile (409 ticket_closed): show the ticket as it is now.
      if (isApiError(error) && error.code === 'ticket_closed') {
        void queryClient.invalidateQueries({ queryKey: supportKeys.ticket(id) });
      }
    },
  });
}
