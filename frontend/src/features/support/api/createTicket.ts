// POST /api/v1/support-tickets
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/problem';
import type { CreateTicketRequest, Ticket } from '@/lib/api/types';
import { supportKeys } from './keys';

export async function createTicket(body: CreateTicketRequest): Promise<Ticket> {
  return unwrap(await api.POST('/api/v1/support-tickets', { body }));
}

export function useCreateTicket() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createTicket,
    onSuccess: (ticket) => {
      queryClient.setQueryData(supportKeys.ticket(ticket.id), ticket);
      void queryClient.invalidateQueries({ queryKey: [...supportKeys.all, 'mine'] });
    },
  });
}
