// GET /api/v1/customer/invoices
import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/problem';
import type { CursorPage } from '@/lib/api/operations';
import { useCursorList } from '@/lib/api/pagination';
import type { Invoice } from './types';
import { billingKeys } from './keys';

export async function listInvoices(cursor: string | undefined, limit: number): Promise<CursorPage<Invoice>> {
  return unwrap(await api.GET('/api/v1/customer/invoices', { params: { query: { limit, ...(cursor ? { cursor } : {}) } } }));
}

/** The customer's invoices and credit notes, newest first. */
export function useInvoices() {
  return useCursorList(billingKeys.invoices, listInvoices);
}
