import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { formatBps, formatDate, formatDateTime, formatMoney, formatNumber } from './format';

/** The formatters of `./format`, bound to the interface language. */
export function useFormat() {
  const { i18n } = useTranslation();
  const locale = i18n.resolvedLanguage ?? i18n.language ?? 'en';
  return useMemo(
    () => ({
      locale,
      money: (cents: number, currency = 'USD') => formatMoney(cents, currency, locale),
      bps: (bps: number) => formatBps(bps, locale),
      number: (value: number) => formatNumber(value, locale),
      date: (iso: string) => formatDate(iso, locale),
      dateTime: (iso: string) => formatDateTime(iso, locale),
    }),
    [locale],
  );
}
