// GET /api/v1/me/tax-form
import { useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import { isApiError, unwrap } from '@/lib/api/problem';
import type { TaxForm } from '@/lib/api/types';
import { onboardingKeys } from './keys';

/** The saved W-9 with its TIN masked, or null before the first save (404). */
export async function getMyTaxForm(): Promise<TaxForm | null> {
  try {
    return unwrap(await api.GET('/api/v1/me/tax-form'));
  } catch (error) {
    if (isApiError(error) && error.status === 404) return null;
    throw error;
  }
}

export function useMyTaxForm(enabled = true) {
  return useQuery({ queryKey: onboardingKeys.taxForm, queryFn: getMyTaxForm, enabled });
}
