// GET /api/v1/customer/invoices/{id}
import { useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/problem';
import type { Invoice } from './types';
import { billingKeys } from './keys';

export async function getInvoice(id: string): Promise<Invoice> {
  return unwrap(await api.GET('/api/v1/customer/invoices/{id}', { params: { path: { id } } }));
}

export function useInvoice(id: string) {
  return useQuery({ queryKey: billingKeys.invoice(id), queryFn: () => getInvoice(id) });
}
