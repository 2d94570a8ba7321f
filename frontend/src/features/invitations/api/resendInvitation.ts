// POST /api/v1/admin/invitations/{id}/resend
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/problem';
import { staffKeys } from '@/lib/api/staffKeys';
import type { IssuedInvitation } from './types';

export async function resendInvitation(id: string): Promise<IssuedInvitation> {
  return unwrap(await api.POST('/api/v1/admin/invitations/{id}/resend', { params: { path: { id } } }));
}

/** Re-sends an invitation with a new link and a fresh expiry (the old link stops working). */
export function useResendInvitation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: resendInvitation,
    onSettled: () => queryClient.invalidateQueries({ queryKey: staffKeys.invitations }),
  });
}
