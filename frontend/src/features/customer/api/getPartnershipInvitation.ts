// GET /api/v1/partnership-invitations/{token} (public): the emailed link's account and state.
import { useQuery } from '@tanstack/react-query';
import { unwrap } from '@/lib/api/problem';
import { pendingApi } from '@/lib/api/pendingClient';
import type { PartnershipInvitation } from './pendingTypes';
import { customerKeys } from './keys';

export async function getPartnershipInvitation(token: string): Promise<PartnershipInvitation> {
  return unwrap(
    await pendingApi.GET<PartnershipInvitation>('/api/v1/partnership-invitations/{token}', { params: { path: { token } } }),
  );
}

export function usePartnershipInvitation(token: string) {
  return useQuery({ queryKey: customerKeys.partnership(token), queryFn: () => getPartnershipInvitation(token) });
}
