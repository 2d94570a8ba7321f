// POST /api/v1/admin/invitations/{id}/revoke
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/problem';
import { staffKeys } from '@/lib/api/staffKeys';
import type { Invitation } from './types';

export async function revokeInvitation(id: string): Promise<Invitation> {
  return unwrap(await api.POST('/api/v1/admin/invitations/{id}/revoke', { params: { path: { id } } }));
}

/** Revokes an unused invitation: its link stops working. */
export function useRevokeInvitation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: revokeInvitation,
    onSettled: () => queryClient.invalidateQueries({ queryKey: staffKeys.invitations }),
  });
}
