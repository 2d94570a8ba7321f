import { Anchor, Container, Group, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ErrorState } from '@/components/ErrorState';
import { LoadingState } from '@/components/LoadingState';
import { Section } from '@/components/Section';
import { isApiError } from '@/lib/api/problem';
import { useSubscription } from '../api/getSubscription';
import type { CancellationPreview } from '../api/types';
import { AutoRenewControl } from '../components/AutoRenewControl';
import { CancelledNotice, CancelSubscription } from '../components/CancelSubscription';
import { SeatChangeForm } from '../components/SeatChangeForm';
import { StatusNotice } from '../components/StatusNotice';
import { SubscriptionFacts } from '../components/SubscriptionFacts';
import { SubscriptionStatusBadge } from '@/components/SubscriptionStatusBadge';
import { isChangeable } from '../lib/status';

/** /app/subscriptions/:id — one subscription: facts, seats, auto-renew, cancellation. */
export default function SubscriptionPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const subscription = useSubscription(id);
  const [cancelled, setCancelled] = useState<CancellationPreview | null>(null);
  const s = subscription.data;
  useDocumentTitle(s ? t('subscriptions.detail.pageTitle', { plan: s.plan_name }) : t('subscriptions.list.pageTitle'));

  return (
    <Container size="md" py="md">
      <Stack gap="lg">
        <Anchor component={Link} to="/app/subscriptions" size="sm">
          {t('subscriptions.detail.back')}
        </Anchor>
        {subscription.isPending && <LoadingState />}
        {subscription.isError &&
          (isApiError(subscription.error) && subscription.error.status === 404 ? (
            <Stack gap="xs">
              <Title order={1}>{t('subscriptions.detail.notFoundTitle')}</Title>
              <Text c="dimmed">{t('subscriptions.detail.notFoundText')}</Text>
            </Stack>
          ) : (
            <ErrorState error={subscription.error} onRetry={() => void subscription.refetch()} />
          ))}
        {s && (
          <>
            <Group gap="sm" align="center">
              <Title order={1}>{s.plan_name}</Title>
              <SubscriptionStatusBadge status={s.status} />
            </Group>
            {cancelled && <CancelledNotice outcome={cancelled} />}
            <StatusNotice subscription={s} />
            <Section id="overview-title" title={t('subscriptions.detail.overview')}>
              <SubscriptionFacts subscription={s} />
            </Section>
            {isChangeable(s.status) && (
              <>
                <Section id="seats-title" title={t('subscriptions.seats.title')}>
                  <SeatChangeForm subscription={s} />
                </Section>
                <Section id="renewal-title" title={t('subscriptions.autoRenew.title')}>
                  <AutoRenewControl subscription={s} />
                </Section>
                <Section id="cancel-title" title={t('subscriptions.cancel.sectionTitle')}>
                  <CancelSubscription subscription={s} onCancelled={setCancelled} />
                </Section>
              </>
            )}
          </>
        )}
      </Stack>
    </Container>
  );
}
