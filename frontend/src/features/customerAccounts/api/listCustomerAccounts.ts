// GET /api/v1/admin/customer-accounts
import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/problem';
import { staffKeys } from '@/lib/api/staffKeys';
import { useCursorList } from '@/lib/api/pagination';
import type { CursorPage, CustomerAccount, CustomerAccountQuery } from './types';

export async function listCustomerAccounts(query: CustomerAccountQuery): Promise<CursorPage<CustomerAccount>> {
  return unwrap(await api.GET('/api/v1/admin/customer-accounts', { params: { query } }));
}

export type CustomerAccountFilters = Omit<CustomerAccountQuery, 'cursor' | 'limit'>;

/** The review queue, in the order the API keeps it. */
export function useCustomerAccountQueue(filters: CustomerAccountFilters) {
  return useCursorList([...staffKeys.customerAccounts, 'list', filters], (cursor, limit) =>
    listCustomerAccounts({ ...filters, cursor, limit }),
  );
}
