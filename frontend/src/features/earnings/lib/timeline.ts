// A timeline item as one sentence in the reader's language: why an entry is pending, when
// it becomes available, why it changed. The API sends facts (event, dates, amount,
// reason, tier); the words are the SPA's.
import { useCallback } from 'react';
import { humanize, useDynamicT } from '@/i18n/dynamic';
import { useFormat } from '@/lib/format/useFormat';
import type { EarningEntry, EarningTimelineItem } from '../api/types';

/** The sentence of `item`, about `entry` (its currency, and its amount when the item names none). */
export function useTimelineSentence() {
  const dt = useDynamicT();
  const format = useFormat();
  return useCallback(
    (item: EarningTimelineItem, entry: Pick<EarningEntry, 'amount_cents' | 'currency'>): string => {
      const cents = item.amount_cents ?? entry.amount_cents;
      const amount = format.money(Math.abs(cents), entry.currency);
      const date = item.available_at ? format.date(item.available_at) : item.event === 'pending_until' ? format.date(item.at) : '';
      const tier = item.tier ? dt(`tiers.${item.tier}`, humanize(item.tier)) : '';
      const reason = item.reason ?? '';
      const key = `earnings.timeline.${item.event}`;
      const fallback = humanize(item.event);
      switch (item.event) {
        case 'pending_until':
        case 'retimed':
          // "Available on 20 Dec 2026 — 14 days after activation"; without the days when not given.
          return item.clearing_days == null
            ? dt(`${key}Plain`, fallback, { date, tier })
            : dt(key, fallback, { date, tier, count: item.clearing_days });
        case 'reversed':
        case 'clawed_back':
        case 'withdrawal_failed':
        case 'appeal_decided':
          return reason ? dt(`${key}Reason`, fallback, { amount, reason }) : dt(key, fallback, { amount });
        case 'adjusted':
          return dt(
            cents < 0 ? (reason ? `${key}DownReason` : `${key}Down`) : reason ? `${key}UpReason` : `${key}Up`,
            fallback,
            { amount, reason },
          );
        default:
          return dt(key, fallback, { amount, date, tier });
      }
    },
    [dt, format],
  );
}
