// POST /api/v1/auth/verify-email (public): confirms the address the emailed link was sent to.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { unwrap } from '@/lib/api/problem';
import { api } from '@/lib/api/client';
import { authKeys } from './keys';

export async function verifyEmail(token: string): Promise<void> {
  unwrap(await api.POST('/api/v1/auth/verify-email', { body: { token } }));
}

export function useVerifyEmail() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: verifyEmail,
    // A signed-in user's /me now says email_verified: true.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: authKeys.me }),
  });
}
