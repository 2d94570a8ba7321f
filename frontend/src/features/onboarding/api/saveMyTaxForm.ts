// PUT /api/v1/me/tax-form
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/problem';
import type { TaxForm, TaxFormInput } from '@/lib/api/types';
import { useRefreshCurrentUser } from '@/lib/session/currentUser';
import { onboardingKeys } from './keys';

export async function saveMyTaxForm(body: TaxFormInput): Promise<TaxForm> {
  return unwrap(await api.PUT('/api/v1/me/tax-form', { body }));
}

/** Saves and signs the W-9; the answer carries the TIN masked only. */
export function useSaveMyTaxForm() {
  const queryClient = useQueryClient();
  const refreshMe = useRefreshCurrentUser();
  return useMutation({
    mutationFn: saveMyTaxForm,
    onSuccess: async (taxForm) => {
      queryClient.setQueryData(onboardingKeys.taxForm, taxForm);
      await refreshMe();
    },
  });
}
