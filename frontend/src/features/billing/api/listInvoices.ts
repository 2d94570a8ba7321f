// GET /api/v1/customer/invoices
import { unwrap } from '@/lib/api/problem';
import type { CursorPage } from '@/lib/api/operations';
import { useCursorList } from '@/lib/api/pagination';
import { pendingApi } from '@/lib/api/pendingClient';
import type { Invoice } from './pendingTypes';
import { billingKeys } from './keys';

export async function listInvoices(cursor: string | undefined, limit: number): Promise<CursorPage<Invoice>> {
  return unwrap(
    await pendingApi.GET<CursorPage<Invoice>>('/api/v1/customer/invoices', { params: { query: { limit, ...(cursor ? { cursor } : {}) } } }),
  );
}

/** The customer's invoices and credit notes, newest first. */
export function useInvoices() {
  return useCursorList(billingKeys.invoices, listInvoices);
}
