// Email verification as far as every feature needs it: whether the signed-in user's
// address is confirmed, and asking for a new link. The link itself is followed on the
// auth feature's /verify-email page.
import { useMutation } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/problem';
import type { Me } from '@/lib/api/types';

/** True when the signed-in user has not confirmed their address yet. */
export function needsEmailVerification(me: Me | null | undefined): boolean {
  return me?.email_verified === false;
}

/** POST /api/v1/auth/verify-email/resend: emails a new link to the signed-in user. */
export async function resendVerificationEmail(): Promise<void> {
  unwrap(await api.POST('/api/v1/auth/verify-email/resend'));
}

export function useResendVerificationEmail() {
  return useMutation({ mutationFn: resendVerificationEmail });
}
