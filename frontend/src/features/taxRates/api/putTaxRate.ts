// PUT /api/v1/admin/tax-rates/{country}
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/problem';
import { staffKeys } from '@/lib/api/staffKeys';
import type { TaxRate, TaxRateForm } from './types';

export async function putTaxRate(country: string, body: TaxRateForm): Promise<TaxRate> {
  return unwrap(await api.PUT('/api/v1/admin/tax-rates/{country}', { params: { path: { country } }, body }));
}

/** Sets a country's rate and label (adds the country or replaces its rate); invoices from now on use it. */
export function usePutTaxRate() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ country, ...body }: TaxRateForm & { country: string }) => putTaxRate(country, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: staffKeys.taxRates }),
  });
}
