import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '@/lib/format/useFormat';
import type { Subscription } from '../api/types';
import { isChangeable } from '../lib/status';

/** What happens at the end of the term, in one sentence: renews (at what price) or ends. */
export function useRenewalText(): (s: Subscription) => string {
  const { t } = useTranslation();
  const { money, date } = useFormat();
  return useCallback(
    (s) => {
      if (s.ended_at) return t('subscriptions.renewal.ended', { date: date(s.ended_at) });
      if (!isChangeable(s.status)) return t('subscriptions.renewal.none');
      if (!s.auto_renew) return t('subscriptions.renewal.ends', { date: date(s.current_term_end) });
      return t('subscriptions.renewal.renews', { date: date(s.current_term_end), amount: money(s.renewal_total_cents, s.currency) });
    },
    [t, money, date],
  );
}
