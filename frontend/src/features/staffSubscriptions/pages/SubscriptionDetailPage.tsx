import { Alert, Anchor, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { DetailFrame } from '@/components/DetailFrame';
import { Facts } from '@/components/Facts';
import { PageHeader } from '@/components/PageHeader';
import { Section } from '@/components/Section';
import { StateBadge } from '@/components/StateBadge';
import { useFormat } from '@/lib/format/useFormat';
import { useSubscriptionDetail } from '../api/getSubscription';
import type { SubscriptionDetail } from '../api/types';
import { EventHistory } from '../components/EventHistory';
import { SelfReferralBadge } from '../components/SelfReferralBadge';

export default function SubscriptionDetailPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const query = useSubscriptionDetail(id);
  const back = { to: '/admin/subscriptions', label: t('staffSubscriptions.back') };
  return (
    <DetailFrame query={query} title={t('staffSubscriptions.detail.title')} back={back}>
      {(detail) => <Detail detail={detail} back={back} />}
    </DetailFrame>
  );
}

function Detail({ detail, back }: { detail: SubscriptionDetail; back: { to: string; label: string } }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { subscription: sub, customer, events } = detail;
  const money = (cents: number) => format.money(cents, sub.currency);
  const when = (iso?: string | null) => (iso ? format.dateTime(iso) : '—');

  return (
    <Stack gap="lg">
      <PageHeader
        title={t('staffSubscriptions.detail.heading', { plan: sub.plan_name, customer: customer.full_name })}
        back={back}
      />
      <Group gap="xs">
        <StateBadge status={sub.status} />
        {sub.self_referral && <SelfReferralBadge />}
      </Group>
      {sub.self_referral && (
        <Alert color="orange" variant="light" title={t('staffSubscriptions.selfReferral.alertTitle')} data-testid="self-referral-alert">
          {t('staffSubscriptions.selfReferral.hint')}
        </Alert>
      )}
      <Section id="subscription" title={t('staffSubscriptions.detail.subscription')}>
        <Facts
          facts={[
            { label: t('staffSubscriptions.table.plan'), value: sub.plan_name },
            { label: t('staffSubscriptions.detail.term'), value: t(`staffSubscriptions.terms.${sub.billing_term}`) },
            {
              label: t('staffSubscriptions.table.seats'),
              value:
                sub.scheduled_seats == null
                  ? format.number(sub.seats)
                  : t('staffSubscriptions.detail.seatsScheduled', { seats: format.number(sub.seats), scheduled: format.number(sub.scheduled_seats) }),
            },
            {
              label: t('staffSubscriptions.detail.autoRenew'),
              value: sub.auto_renew ? t('staffSubscriptions.detail.autoRenewOn') : t('staffSubscriptions.detail.autoRenewOff'),
            },
            { label: t('staffSubscriptions.detail.unitPrice'), value: money(sub.unit_price_cents) },
            { label: t('staffSubscriptions.detail.renewalUnitPrice'), value: money(sub.renewal_unit_price_cents) },
            { label: t('staffSubscriptions.detail.renewalTotal'), value: money(sub.renewal_total_cents) },
            { label: t('staffSubscriptions.detail.termStart'), value: when(sub.term_start) },
            { label: t('staffSubscriptions.detail.termEnd'), value: when(sub.current_term_end) },
            { label: t('staffSubscriptions.detail.cancellationUntil'), value: when(sub.cancellation_allowed_until) },
            { label: t('staffSubscriptions.detail.activated'), value: when(sub.activated_at) },
            { label: t('staffSubscriptions.table.created'), value: when(sub.created_at) },
            { label: t('staffSubscriptions.detail.ended'), value: when(sub.ended_at) },
            { label: t('staffSubscriptions.detail.reference'), value: sub.id },
          ]}
        />
      </Section>
      <Section id="people" title={t('staffSubscriptions.detail.people')}>
        <Facts
          facts={[
            { label: t('staffSubscriptions.table.customer'), value: customer.full_name },
            { label: t('staffSubscriptions.detail.email'), value: customer.email },
            {
              label: t('staffSubscriptions.table.freelancer'),
              value: sub.freelancer ? (
                <Anchor component={Link} to={`/admin/freelancers/${encodeURIComponent(sub.freelancer.id)}`}>
                  {sub.freelancer.display_name}
                </Anchor>
              ) : (
                <Text component="span" size="sm" c="dimmed">
                  {t('staffSubscriptions.noReferrer')}
                </Text>
              ),
            },
          ]}
        />
      </Section>
      <Section id="events" title={t('staffSubscriptions.events.title')}>
        <EventHistory events={events} currency={sub.currency} />
      </Section>
    </Stack>
  );
}
