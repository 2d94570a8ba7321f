// POST /api/v1/partnership-invitations/{token}/accept (the account's owner): accepts the
// reseller relationship; the answer lists the subscriptions it activated.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { unwrap } from '@/lib/api/problem';
import { pendingApi } from '@/lib/api/pendingClient';
import type { PartnershipAccepted } from './pendingTypes';
import { customerKeys } from './keys';

export async function acceptPartnership(token: string): Promise<PartnershipAccepted> {
  return unwrap(
    await pendingApi.POST<PartnershipAccepted>('/api/v1/partnership-invitations/{token}/accept', { params: { path: { token } } }),
  );
}

export function useAcceptPartnership(token: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => acceptPartnership(token),
    onSuccess: (result) => {
      queryClient.setQueryData(customerKeys.account, result.account);
      void queryClient.invalidateQueries({ queryKey: customerKeys.partnership(token) });
    },
  });
}
