// GET /api/v1/invitations/{token}
import { useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/problem';
import type { InvitationCheck } from '@/lib/api/types';

export async function checkInvitation(token: string): Promise<InvitationCheck> {
  return unwrap(await api.GET('/api/v1/invitations/{token}', { params: { path: { token } } }));
}

/** What an invitation link is: `valid`, `expired`, `used` or `revoked` (404: unknown). */
export function useInvitation(token: string) {
  return useQuery({ queryKey: ['invitation', token], queryFn: () => checkInvitation(token) });
}
