// GET /api/v1/customer/account: the caller's Microsoft account set-up, or none yet (404).
import { useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import { isApiError, unwrap } from '@/lib/api/problem';
import type { CustomerAccount } from './types';
import { customerKeys } from './keys';

/** null when the customer has not set up an account yet. */
export async function getAccount(): Promise<CustomerAccount | null> {
  try {
    return unwrap(await api.GET('/api/v1/customer/account'));
  } catch (error) {
    if (isApiError(error) && error.status === 404) return null;
    throw error;
  }
}

export function useAccount() {
  return useQuery({ queryKey: customerKeys.account, queryFn: getAccount });
}
