// POST /api/v1/admin/invitations
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/problem';
import { staffKeys } from '@/lib/api/staffKeys';
import type { IssuedInvitation, NewInvitation } from './types';

export async function createInvitation(body: NewInvitation): Promise<IssuedInvitation> {
  return unwrap(await api.POST('/api/v1/admin/invitations', { body }));
}

/** Invites someone; the answer carries the link, shown only this once. */
export function useCreateInvitation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createInvitation,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: staffKeys.invitations }),
  });
}
