// POST /api/v1/admin/support-tickets/{id}/close
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/problem';
import { staffKeys } from '@/lib/api/staffKeys';
import type { StaffTicket } from './types';

export async function closeSupportTicket(id: string): Promise<StaffTicket> {
  return unwrap(await api.POST('/api/v1/admin/support-tickets/{id}/close', { params: { path: { id } } }));
}

/** Closes a ticket (audited). */
export function useCloseSupportTicket() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: closeSupportTicket,
    onSettled: () => queryClient.invalidateQueries({ queryKey: staffKeys.tickets }),
  });
}
