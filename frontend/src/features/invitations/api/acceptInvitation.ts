// POST /api/v1/invitations/{token}/accept
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/problem';
import { refreshSession } from '@/lib/api/session';
import type { InvitationCheck } from '@/lib/api/types';

export async function acceptInvitation(token: string): Promise<InvitationCheck> {
  return unwrap(await api.POST('/api/v1/invitations/{token}/accept', { params: { path: { token } } }));
}

/**
 * Accepts the invitation as the signed-in user, then renews the session (the account may
 * just have become a freelancer) and reloads everything the old session fetched.
 */
export function useAcceptInvitation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (token: string) => {
      const result = await acceptInvitation(token);
      await refreshSession();
      return result;
    },
    // The invitation itself is now `used`; the page leaves rather than showing that.
    onSuccess: () => queryClient.invalidateQueries({ predicate: (query) => query.queryKey[0] !== 'invitation' }),
  });
}
