// POST /api/v1/me/terms-acceptances
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import { isApiError, unwrap } from '@/lib/api/problem';
import type { TermsAcceptance } from '@/lib/api/types';
import { useRefreshCurrentUser } from '@/lib/session/currentUser';
import { onboardingKeys } from './keys';

export async function acceptTerms(version: number): Promise<TermsAcceptance> {
  return unwrap(await api.POST('/api/v1/me/terms-acceptances', { body: { version } }));
}

/** Accepts a terms version; a newer one published meanwhile (409) reloads the terms. */
export function useAcceptTerms() {
  const queryClient = useQueryClient();
  const refreshMe = useRefreshCurrentUser();
  return useMutation({
    mutationFn: acceptTerms,
    onSuccess: () => refreshMe(),
    onError: (error) => {
      if (isApiError(error) && error.code === 'terms_outdated') {
        void queryClient.invalidateQueries({ queryKey: onboardingKeys.terms });
      }
    },
  });
}
