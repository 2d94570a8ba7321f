// POST /api/v1/customer/accounts (first set-up) and PUT /api/v1/customer/account (resubmit
// after a rejection). Both answer with the account, which replaces the cached one.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import { isApiError, unwrap } from '@/lib/api/problem';
import type { CustomerAccount, CustomerAccountInput } from './types';
import { customerKeys } from './keys';

export async function createAccount(body: CustomerAccountInput): Promise<CustomerAccount> {
  return unwrap(await api.POST('/api/v1/customer/accounts', { body }));
}

export async function resubmitAccount(body: CustomerAccountInput): Promise<CustomerAccount> {
  return unwrap(await api.PUT('/api/v1/customer/account', { body }));
}

export function useSaveAccount(mode: 'create' | 'resubmit') {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CustomerAccountInput) => (mode === 'create' ? createAccount(body) : resubmitAccount(body)),
    onSuccess: (account) => queryClient.setQueryData(customerKeys.account, account),
    onError: (error) => {
      // Set up meanwhile (another tab) or reviewed meanwhile: show the account as it is now.
      if (isApiError(error) && (error.code === 'account_exists' || error.code === 'invalid_status')) {
        void queryClient.invalidateQueries({ queryKey: customerKeys.account });
      }
    },
  });
}
