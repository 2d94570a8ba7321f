import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { humanize, useDynamicT } from '@/i18n/dynamic';
import type { EarningEntry } from '../api/types';

/** What an entry is about, in words: "Business Standard · 5 seats · renewal · invoice 2026-000012". */
export function useCauseText() {
  const { t } = useTranslation();
  const dt = useDynamicT();
  return useCallback(
    (entry: EarningEntry): string => {
      const { cause } = entry;
      const parts: string[] = [];
      if (cause.plan_name) parts.push(cause.plan_name);
      if (cause.seats != null) parts.push(t('earnings.cause.seats', { count: cause.seats }));
      if (cause.event_kind) parts.push(dt(`earnings.eventKind.${cause.event_kind}`, humanize(cause.event_kind)));
      if (cause.invoice_number) {
        parts.push(
          cause.type === 'credit_note'
            ? t('earnings.cause.creditNote', { number: cause.invoice_number })
            : t('earnings.cause.invoice', { number: cause.invoice_number }),
        );
      }
      if (parts.length === 0) parts.push(dt(`earnings.causeType.${cause.type}`, humanize(cause.type)));
      return parts.join(' · ');
    },
    [t, dt],
  );
}
