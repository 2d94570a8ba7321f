import { Button, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmModal } from '@/components/ConfirmModal';
import { ErrorState } from '@/components/ErrorState';
import { LoadingState } from '@/components/LoadingState';
import { ProblemAlert } from '@/components/ProblemAlert';
import { SuccessAlert } from '@/components/SuccessAlert';
import { useFormat } from '@/lib/format/useFormat';
import { useCancelSubscription } from '../api/cancelSubscription';
import type { CancellationPreview, Subscription } from '../api/types';
import { useCancellationPreview } from '../api/previewCancellation';

/**
 * "Cancel subscription": the dialog first asks the server what cancelling now does (a
 * prorated refund within 7 days of purchase or renewal; otherwise auto-renew off and the
 * end date) and says it before the customer confirms.
 */
interface CancelSubscriptionProps {
  subscription: Subscription;
  /** Told what the cancellation did (the page says it: this section may be gone by then). */
  onCancelled: (outcome: CancellationPreview) => void;
}

export function CancelSubscription({ subscription, onCancelled }: CancelSubscriptionProps) {
  const { t } = useTranslation();
  const [opened, setOpened] = useState(false);
  const preview = useCancellationPreview(subscription.id, opened);
  const cancel = useCancelSubscription(subscription.id);

  const close = () => {
    setOpened(false);
    cancel.reset();
  };

  return (
    <Stack gap="sm">
      <Text size="sm">{t('subscriptions.cancel.lead')}</Text>
      <Button variant="outline" color="red.9" w="fit-content" onClick={() => setOpened(true)}>
        {t('subscriptions.cancel.button')}
      </Button>
      <ConfirmModal
        opened={opened}
        onClose={close}
        title={t('subscriptions.cancel.title', { plan: subscription.plan_name })}
        confirmLabel={t('subscriptions.cancel.confirm')}
        dismissLabel={t('subscriptions.cancel.keep')}
        color="red.9"
        loading={cancel.isPending}
        onConfirm={() => {
          const shown = preview.data;
          if (!shown) return;
          cancel.mutate(undefined, {
            onSuccess: () => {
              setOpened(false);
              onCancelled(shown);
            },
          });
        }}
      >
        <div data-testid="cancel-preview">
          {preview.isPending && <LoadingState />}
          {preview.isError && <ErrorState error={preview.error} onRetry={() => void preview.refetch()} />}
          {preview.data && <PreviewText preview={preview.data} />}
        </div>
        <ProblemAlert error={cancel.error} />
      </ConfirmModal>
    </Stack>
  );
}

function PreviewText({ preview }: { preview: CancellationPreview }) {
  const { t } = useTranslation();
  const { money, date } = useFormat();
  if (preview.outcome === 'refund') {
    return (
      <Stack gap="xs">
        <Text fw={700}>{t('subscriptions.cancel.refundHeadline', { amount: money(preview.refund_cents, preview.currency) })}</Text>
        <Text size="sm">{t('subscriptions.cancel.refundText')}</Text>
      </Stack>
    );
  }
  return (
    <Stack gap="xs">
      <Text fw={700}>{t('subscriptions.cancel.endHeadline', { date: date(preview.ends_at) })}</Text>
      <Text size="sm">{t('subscriptions.cancel.endText')}</Text>
    </Stack>
  );
}

export function CancelledNotice({ outcome }: { outcome: CancellationPreview }) {
  const { t } = useTranslation();
  const { money, date } = useFormat();
  return (
    <SuccessAlert title={t('subscriptions.cancel.doneTitle')} data-testid="cancel-done">
      {outcome.outcome === 'refund'
        ? t('subscriptions.cancel.doneRefund', { amount: money(outcome.refund_cents, outcome.currency) })
        : t('subscriptions.cancel.doneEnd', { date: date(outcome.ends_at) })}
    </SuccessAlert>
  );
}
