// POST /api/v1/me/terms-acceptances
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import { isApiError, unwrap } from '@/lib/api/problem';
import type { TermsAcceptance, TermsDocument } from '@/lib/api/types';
import { useRefreshCurrentUser } from '@/lib/session/currentUser';
import { onboardingKeys } from './keys';

/** The version accepted and the language its text was shown in. */
export async function acceptTerms(shown: Pick<TermsDocument, 'version' | 'locale'>): Promise<TermsAcceptance> {
  return unwrap(await api.POST('/api/v1/me/terms-acceptances', { body: { version: shown.version, locale: shown.locale } }));
}

/** Accepts the terms as shown; a newer version published meanwhile (409) reloads them. */
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
