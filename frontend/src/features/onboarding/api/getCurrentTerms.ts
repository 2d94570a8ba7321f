// GET /api/v1/terms/current
import { useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/problem';
import type { TermsDocument } from '@/lib/api/types';
import { onboardingKeys } from './keys';

export async function getCurrentTerms(): Promise<TermsDocument> {
  return unwrap(await api.GET('/api/v1/terms/current'));
}

/** The terms every freelancer must accept (the newest version). */
export function useCurrentTerms() {
  return useQuery({ queryKey: onboardingKeys.terms, queryFn: getCurrentTerms });
}
