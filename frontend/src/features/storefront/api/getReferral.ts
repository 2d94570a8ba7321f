// GET /api/v1/r/{code} (public): the freelancer behind a referral link and the plans.
import { useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/problem';
import type { ReferralLanding } from './types';
import { storefrontKeys } from './keys';

export async function getReferral(code: string): Promise<ReferralLanding> {
  return unwrap(await api.GET('/api/v1/r/{code}', { params: { path: { code } } }));
}

/** Resolving counts a click on the server: once per page visit, not on every focus. */
export function useReferral(code: string | null) {
  return useQuery({
    queryKey: storefrontKeys.referral(code ?? ''),
    queryFn: () => getReferral(code ?? ''),
    enabled: code !== null,
    staleTime: Infinity,
    refetchOnWindowFocus: false,
  });
}
