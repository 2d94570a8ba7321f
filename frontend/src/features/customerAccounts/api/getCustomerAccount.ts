// GET /api/v1/admin/customer-accounts/{id}
import { useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/problem';
import { staffKeys } from '@/lib/api/staffKeys';
import type { CustomerAccount } from './types';

export async function getCustomerAccount(id: string): Promise<CustomerAccount> {
  return unwrap(await api.GET('/api/v1/admin/customer-accounts/{id}', { params: { path: { id } } }));
}

/** One customer account with its owner. */
export function useCustomerAccount(id: string | undefined) {
  return useQuery({
    queryKey: staffKeys.customerAccount(id ?? ''),
    queryFn: () => getCustomerAccount(id ?? ''),
    enabled: Boolean(id),
  });
}
