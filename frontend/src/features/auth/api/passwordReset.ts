// POST /api/v1/auth/password-reset and …/confirm (public): ask for a reset link, then
// set a new password with the link's token. The first answers alike for every address.
import { useMutation } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/problem';
import { tokenStore } from '@/lib/api/tokens';
import type { PasswordResetConfirm, PasswordResetRequest } from '@/lib/api/types';

export async function requestPasswordReset(body: PasswordResetRequest): Promise<void> {
  unwrap(await api.POST('/api/v1/auth/password-reset', { body }));
}

export async function confirmPasswordReset(body: PasswordResetConfirm): Promise<void> {
  unwrap(await api.POST('/api/v1/auth/password-reset/confirm', { body }));
}

export function useRequestPasswordReset() {
  return useMutation({ mutationFn: requestPasswordReset });
}

export function useConfirmPasswordReset() {
  return useMutation({
    mutationFn: confirmPasswordReset,
    // The reset ended every session, this browser's too: forget its tokens.
    onSuccess: () => tokenStore.clear(),
  });
}
