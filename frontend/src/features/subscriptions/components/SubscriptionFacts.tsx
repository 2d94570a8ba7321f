import { useTranslation } from 'react-i18next';
import { type Fact, Facts } from '@/components/Facts';
import { useFormat } from '@/lib/format/useFormat';
import type { Subscription } from '../api/types';
import { isChangeable } from '../lib/status';
import { useRenewalText } from './useRenewalText';

/** The subscription at a glance: users (and a scheduled decrease), prices, term, windows. */
export function SubscriptionFacts({ subscription: s }: { subscription: Subscription }) {
  const { t } = useTranslation();
  const { money, date, dateTime, number } = useFormat();
  const renewal = useRenewalText();
  const facts: Fact[] = [
    {
      label: t('subscriptions.facts.seats'),
      value:
        s.scheduled_seats != null
          ? t('subscriptions.facts.seatsScheduled', { count: s.seats, scheduled: s.scheduled_seats, date: date(s.current_term_end) })
          : number(s.seats),
    },
    { label: t('subscriptions.facts.term'), value: t(`subscriptions.term.${s.billing_term}`) },
    {
      label: t('subscriptions.facts.price'),
      value: t(s.billing_term === 'yearly' ? 'subscriptions.facts.priceYear' : 'subscriptions.facts.priceMonth', {
        total: money(s.unit_price_cents * s.seats, s.currency),
        unit: money(s.unit_price_cents, s.currency),
      }),
    },
    { label: t('subscriptions.facts.currentTerm'), value: t('subscriptions.facts.period', { from: date(s.term_start), to: date(s.current_term_end) }) },
    { label: t('subscriptions.facts.renewal'), value: renewal(s) },
  ];
  if (s.auto_renew && isChangeable(s.status) && s.renewal_unit_price_cents !== s.unit_price_cents) {
    facts.push({
      label: t('subscriptions.facts.renewalPrice'),
      value: t('subscriptions.facts.renewalPriceValue', { unit: money(s.renewal_unit_price_cents, s.currency) }),
    });
  }
  if (isChangeable(s.status)) {
    facts.push({ label: t('subscriptions.facts.refundUntil'), value: dateTime(s.cancellation_allowed_until) });
  }
  facts.push({ label: t('subscriptions.facts.activated'), value: s.activated_at ? date(s.activated_at) : t('subscriptions.facts.notYet') });
  if (s.freelancer) facts.push({ label: t('subscriptions.facts.partner'), value: s.freelancer.display_name });
  return <Facts facts={facts} />;
}
