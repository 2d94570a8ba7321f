// POST /api/v1/partnership-invitations/{token}/accept (the account's owner): accepts the
// reseller relationship; the answer lists the subscriptions it activated.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import { isApiError, unwrap } from '@/lib/api/problem';
import type { PartnershipAccepted } from './types';
import { customerKeys } from './keys';

export async function acceptPartnership(token: string): Promise<PartnershipAccepted> {
  return unwrap(await api.POST('/api/v1/partnership-invitations/{token}/accept', { params: { path: { token } } }));
}

export function useAcceptPartnership(token: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => acceptPartnership(token),
    onSuccess: (result) => {
      queryClient.setQueryData(customerKeys.account, result.account);
      void queryClient.invalidateQueries({ queryKey: customerKeys.partnership(token) });
    },
    onError: (error) => {
      // 409: accepted or replaced meanwhile (invalid_status) or expired (invitation_expired):
      // show the link as it is now.
      if (isApiError(error) && error.status === 409) {
        void queryClient.invalidateQueries({ queryKey: customerKeys.partnership(token) });
      }
    },
  });
}
