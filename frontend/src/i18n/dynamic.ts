// Translating values that come from the API (role names, statuses, problem codes): the
// key is only known at run time, so it may be missing; then the fallback is shown.
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { diagnosticsEnabled, recordMiss } from './misses';

export type DynamicT = (key: string, fallback: string, options?: Record<string, unknown>) => string;

export function useDynamicT(): DynamicT {
  const { t, i18n } = useTranslation();
  return useCallback<DynamicT>(
    (key, fallback, options) => {
      // With the options, so that a plural key (`…_one`, `…_other`) is found by its `count`.
      if (!i18n.exists(key, options)) {
        if (diagnosticsEnabled()) recordMiss(i18n.language, key);
        return fallback;
      }
      const translate = t as unknown as (key: string, options?: Record<string, unknown>) => string;
      return translate(key, options);
    },
    [t, i18n],
  );
}

/** "bank_account" → "Bank account": a readable fallback for an untranslated API value. */
export function humanize(value: string): string {
  const words = value.replace(/[_-]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** Field → translation key (a form's rules) as field → message, for a form's `validate`. */
export function translateErrors(dt: DynamicT, errors: Partial<Record<string, string>>): Record<string, string> {
  return Object.fromEntries(Object.entries(errors).flatMap(([field, key]) => (key ? [[field, dt(key, key)]] : [])));
}
