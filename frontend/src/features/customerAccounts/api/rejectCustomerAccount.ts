// POST /api/v1/admin/customer-accounts/{id}/reject
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/problem';
import { staffKeys } from '@/lib/api/staffKeys';
import type { CustomerAccount, RejectAccountForm } from './types';

export async function rejectCustomerAccount(id: string, body: RejectAccountForm): Promise<CustomerAccount> {
  return unwrap(await api.POST('/api/v1/admin/customer-accounts/{id}/reject', { params: { path: { id } }, body }));
}

/** Rejects a submitted account with a reason the customer can act on and resubmit. */
export function useRejectCustomerAccount(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: RejectAccountForm) => rejectCustomerAccount(id, body),
    onSuccess: (account) => {
      queryClient.setQueryData(staffKeys.customerAccount(id), account);
      return queryClient.invalidateQueries({ queryKey: staffKeys.customerAccounts });
    },
    onError: () => queryClient.invalidateQueries({ queryKey: staffKeys.customerAccount(id) }),
  });
}
