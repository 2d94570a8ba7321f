// POST /api/v1/admin/customer-accounts/{id}/approve
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/problem';
import { staffKeys } from '@/lib/api/staffKeys';
import type { CustomerAccount } from './types';

export async function approveCustomerAccount(id: string): Promise<CustomerAccount> {
  return unwrap(await api.POST('/api/v1/admin/customer-accounts/{id}/approve', { params: { path: { id } } }));
}

/** Approves a submitted account; the customer is emailed the partnership link. */
export function useApproveCustomerAccount(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => approveCustomerAccount(id),
    onSuccess: (account) => {
      queryClient.setQueryData(staffKeys.customerAccount(id), account);
      return queryClient.invalidateQueries({ queryKey: staffKeys.customerAccounts });
    },
    // 409 invalid_status: someone else decided first; show what it is now.
    onError: () => queryClient.invalidateQueries({ queryKey: staffKeys.customerAccount(id) }),
  });
}
