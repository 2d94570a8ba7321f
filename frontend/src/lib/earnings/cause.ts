// A ledger entry's cause and availability as text, in the interface language.
import { useTranslation } from 'react-i18next';
import { humanize, useDynamicT } from '@/i18n/dynamic';
import { useFormat } from '@/lib/format/useFormat';
import type { EarningEntry } from './types';

/** The cause as one line ("Invoice INV-7 · Business Standard · 8 seats · Renewed"). */
export function useCauseText() {
  const { t } = useTranslation();
  const dt = useDynamicT();
  const format = useFormat();
  return (entry: EarningEntry): string => {
    const { cause } = entry;
    const parts: string[] = [];
    switch (cause.type) {
      case 'invoice':
        parts.push(cause.invoice_number ? t('staffEarnings.cause.invoice', { number: cause.invoice_number }) : t('staffEarnings.cause.invoiceUnnumbered'));
        break;
      case 'credit_note':
        parts.push(cause.invoice_number ? t('staffEarnings.cause.creditNote', { number: cause.invoice_number }) : t('staffEarnings.cause.creditNoteUnnumbered'));
        break;
      case 'withdrawal':
        parts.push(t('staffEarnings.cause.withdrawal'));
        break;
      case 'adjustment':
        parts.push(t('staffEarnings.cause.adjustment'));
        break;
      case 'appeal':
        parts.push(t('staffEarnings.cause.appeal'));
        break;
    }
    if (cause.plan_name) parts.push(cause.plan_name);
    if (cause.seats != null) parts.push(t('staffEarnings.cause.seats', { count: cause.seats, seats: format.number(cause.seats) }));
    if (cause.event_kind) parts.push(dt(`staffSubscriptions.events.kinds.${cause.event_kind}`, humanize(cause.event_kind)));
    return parts.join(' · ');
  };
}

/** When the entry is (or became) available; a pending commission without a date waits for its subscription's activation. */
export function useAvailableText() {
  const { t } = useTranslation();
  const format = useFormat();
  return (entry: EarningEntry, withTime = false): string => {
    if (entry.available_at) return withTime ? format.dateTime(entry.available_at) : format.date(entry.available_at);
    return entry.kind === 'commission' && entry.status === 'pending' ? t('staffEarnings.waitingForActivation') : '—';
  };
}
