// Dates from the API (RFC 3339, UTC) shown in the reader's language and time zone.
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';

export function formatDateTime(iso: string | null | undefined, locale: string): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(date);
}

export function formatDate(iso: string | null | undefined, locale: string): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium' }).format(date);
}

/** Formatters bound to the current language. */
export function useFormatters() {
  const { i18n } = useTranslation();
  const locale = i18n.resolvedLanguage ?? i18n.language ?? 'en';
  return {
    dateTime: useCallback((iso: string | null | undefined) => formatDateTime(iso, locale), [locale]),
    date: useCallback((iso: string | null | undefined) => formatDate(iso, locale), [locale]),
    number: useCallback((n: number) => new Intl.NumberFormat(locale).format(n), [locale]),
  };
}
