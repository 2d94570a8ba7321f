import { Alert, Button, Group, NumberInput, Stack, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '@/components/ProblemAlert';
import { SuccessAlert } from '@/components/SuccessAlert';
import { isApiError } from '@/lib/api/problem';
import { useFormat } from '@/lib/format/useFormat';
import type { Subscription } from '../api/types';
import { useSeatChangePreview } from '../api/previewSeatChange';
import { useUpdateSubscription } from '../api/updateSubscription';

const MIN_SEATS = 1;
const MAX_SEATS = 50;
const PAYMENT_FAILURES = ['card_declined', 'insufficient_funds'];

function validSeats(value: number | string): number | null {
  return typeof value === 'number' && Number.isInteger(value) && value >= MIN_SEATS && value <= MAX_SEATS ? value : null;
}

/** More users now (charged prorated), fewer at renewal: the price or date shown before saving. */
export function SeatChangeForm({ subscription }: { subscription: Subscription }) {
  const { t } = useTranslation();
  const { money, date } = useFormat();
  const [value, setValue] = useState<number | string>(subscription.seats);
  const seats = validSeats(value);
  const [debounced] = useDebouncedValue(seats, 300);
  const target = debounced !== null && debounced !== subscription.seats ? debounced : null;
  const preview = useSeatChangePreview(subscription.id, target);
  const update = useUpdateSubscription(subscription.id);
  const [done, setDone] = useState<'now' | 'at_renewal' | null>(null);
  const shown = target !== null && preview.data?.seats === target ? preview.data : null;
  const failure = isApiError(update.error) && PAYMENT_FAILURES.includes(update.error.code) ? update.error.code : null;

  const submit = () => {
    if (!shown) return;
    setDone(null);
    update.mutate({ seats: shown.seats }, { onSuccess: () => setDone(shown.effective) });
  };

  return (
    <Stack gap="sm">
      {done && (
        <SuccessAlert title={t('subscriptions.seats.doneTitle')} data-testid="seat-change-done">
          {done === 'now' ? t('subscriptions.seats.doneNow') : t('subscriptions.seats.doneLater', { date: date(subscription.current_term_end) })}
        </SuccessAlert>
      )}
      {failure ? (
        <Alert color="red" variant="light" title={t('subscriptions.paymentFailed.title')} data-testid="seat-payment-failed" role="alert">
          {t(`subscriptions.paymentFailed.${failure as 'card_declined' | 'insufficient_funds'}`)}
        </Alert>
      ) : (
        <ProblemAlert error={update.error} />
      )}
      <NumberInput
        label={t('subscriptions.seats.label')}
        description={t('subscriptions.seats.hint', { min: MIN_SEATS, max: MAX_SEATS })}
        value={value}
        onChange={(v) => {
          setValue(v);
          setDone(null);
        }}
        min={MIN_SEATS}
        max={MAX_SEATS}
        allowDecimal={false}
        allowNegative={false}
        clampBehavior="blur"
        error={value !== '' && seats === null ? t('subscriptions.seats.invalid', { min: MIN_SEATS, max: MAX_SEATS }) : undefined}
        w={{ base: '100%', xs: 240 }}
      />
      <div aria-live="polite" data-testid="seat-preview">
        {preview.isError && target !== null && <ProblemAlert error={preview.error} />}
        {shown && (
          <Text size="sm">
            {shown.effective === 'now'
              ? t('subscriptions.seats.previewNow', {
                  amount: money(shown.prorated_charge_cents, shown.currency),
                  date: date(subscription.current_term_end),
                })
              : t('subscriptions.seats.previewLater', { date: date(subscription.current_term_end), count: subscription.seats })}
          </Text>
        )}
      </div>
      <Group>
        <Button onClick={submit} disabled={!shown} loading={update.isPending || (target !== null && preview.isFetching)}>
          {shown?.effective === 'now'
            ? t('subscriptions.seats.submitNow', { amount: money(shown.prorated_charge_cents, shown.currency) })
            : t('subscriptions.seats.submit')}
        </Button>
      </Group>
    </Stack>
  );
}
