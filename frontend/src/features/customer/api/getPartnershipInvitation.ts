// GET /api/v1/partnership-invitations/{token} (public): the emailed link's account and state.
import { useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/problem';
import type { PartnershipInvitation } from './types';
import { customerKeys } from './keys';

export async function getPartnershipInvitation(token: string): Promise<PartnershipInvitation> {
  return unwrap(await api.GET('/api/v1/partnership-invitations/{token}', { params: { path: { token } } }));
}

export function usePartnershipInvitation(token: string) {
  return useQuery({ queryKey: customerKeys.partnership(token), queryFn: () => getPartnershipInvitation(token) });
}
