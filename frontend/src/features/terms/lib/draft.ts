// A new terms version as the editor holds it: a title and a body per language. Both
// languages are required; a language left entirely empty is "missing" (the server says
// the same with `terms_language_missing`).
import type { PublishTermsForm } from '../api/types';

export const TERMS_LANGUAGES = ['en', 'de'] as const;
export type TermsLanguage = (typeof TERMS_LANGUAGES)[number];
export type TermsDraft = Record<TermsLanguage, { title: string; body: string }>;

export function emptyDraft(): TermsDraft {
  return { en: { title: '', body: '' }, de: { title: '', body: '' } };
}

/** The languages with neither a title nor a text. */
export function missingLanguages(draft: TermsDraft): TermsLanguage[] {
  return TERMS_LANGUAGES.filter((l) => !draft[l].title.trim() && !draft[l].body.trim());
}

/** The form errors that belong to one language's tab (`de`, `de.title`, `de.body`). */
export function languageErrors(errors: Record<string, unknown>, language: TermsLanguage): string[] {
  return Object.keys(errors).filter((key) => errors[key] && (key === language || key.startsWith(`${language}.`)));
}

export function publishBody(draft: TermsDraft): PublishTermsForm {
  const text = (l: TermsLanguage) => ({ title: draft[l].title.trim(), body: draft[l].body });
  return { en: text('en'), de: text('de') };
}
