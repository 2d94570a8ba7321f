// GET /api/v1/terms/current
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/problem';
import type { TermsDocument } from '@/lib/api/types';
import { onboardingKeys } from './keys';

export async function getCurrentTerms(lang: TermsDocument['locale']): Promise<TermsDocument> {
  return unwrap(await api.GET('/api/v1/terms/current', { params: { query: { lang } } }));
}

/** The terms every freelancer must accept (the newest version), in the UI's language. */
export function useCurrentTerms() {
  const { i18n } = useTranslation();
  const lang: TermsDocument['locale'] = i18n.resolvedLanguage === 'de' ? 'de' : 'en';
  return useQuery({ queryKey: [...onboardingKeys.terms, lang], queryFn: () => getCurrentTerms(lang) });
}
