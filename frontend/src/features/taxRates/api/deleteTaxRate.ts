// DELETE /api/v1/admin/tax-rates/{country}
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/problem';
import { staffKeys } from '@/lib/api/staffKeys';

export async function deleteTaxRate(country: string): Promise<void> {
  unwrap(await api.DELETE('/api/v1/admin/tax-rates/{country}', { params: { path: { country } } }));
}

/** Removes a country's rate: its buyers are charged no tax from now on. */
export function useDeleteTaxRate() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deleteTaxRate,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: staffKeys.taxRates }),
  });
}
