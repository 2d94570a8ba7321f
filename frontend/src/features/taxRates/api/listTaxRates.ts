// GET /api/v1/admin/tax-rates
import { useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/problem';
import { staffKeys } from '@/lib/api/staffKeys';
import type { TaxRateList } from './types';

export async function listTaxRates(): Promise<TaxRateList> {
  return unwrap(await api.GET('/api/v1/admin/tax-rates'));
}

/** Every country with a tax rate (the table is small: one page). */
export function useTaxRates() {
  return useQuery({ queryKey: staffKeys.taxRates, queryFn: listTaxRates });
}
