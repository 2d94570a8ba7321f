// GET /api/v1/customer/invoices/{id}
import { useQuery } from '@tanstack/react-query';
import { unwrap } from '@/lib/api/problem';
import { pendingApi } from '@/lib/api/pendingClient';
import type { Invoice } from './pendingTypes';
import { billingKeys } from './keys';

export async function getInvoice(id: string): Promise<Invoice> {
  return unwrap(await pendingApi.GET<Invoice>('/api/v1/customer/invoices/{id}', { params: { path: { id } } }));
}

export function useInvoice(id: string) {
  return useQuery({ queryKey: billingKeys.invoice(id), queryFn: () => getInvoice(id) });
}
