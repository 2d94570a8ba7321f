// GET /api/v1/program
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/problem';
import type { Program } from '@/lib/api/types';

export async function getProgram(lang: Program['locale']): Promise<Program> {
  return unwrap(await api.GET('/api/v1/program', { params: { query: { lang } } }));
}

/** The programme's landing-page content (public), in the UI's language. */
export function useProgram() {
  const { i18n } = useTranslation();
  const lang: Program['locale'] = i18n.resolvedLanguage === 'de' ? 'de' : 'en';
  return useQuery({ queryKey: ['programme', 'program', lang], queryFn: () => getProgram(lang), staleTime: 5 * 60_000 });
}
