import { Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormat } from '@/lib/format/useFormat';
import type { Quote } from '../lib/pricing';

/** A quote in words: per user, and for all users per month and per term. */
export function PriceLines({ quote, currency }: { quote: Quote; currency: string }) {
  const { t } = useTranslation();
  const { money, bps } = useFormat();
  const yearly = quote.term === 'yearly';
  return (
    <Stack gap={2}>
      <Text size="xl" fw={700} data-testid="unit-price">
        {yearly
          ? t('storefront.price.perSeatYear', { price: money(quote.unitPerTermCents, currency) })
          : t('storefront.price.perSeatMonth', { price: money(quote.unitPerTermCents, currency) })}
      </Text>
      {yearly && (
        <Text size="sm" c="dimmed">
          {t('storefront.price.perSeatMonthEquivalent', { price: money(quote.unitPerMonthCents, currency) })}
        </Text>
      )}
      {quote.savingBps !== null && (
        <Text size="sm" c="teal.9" fw={600}>
          {t('storefront.price.saving', { percent: bps(quote.savingBps) })}
        </Text>
      )}
      <Text size="sm" mt="xs" data-testid="total-price">
        {t('storefront.price.forSeats', { count: quote.seats })}{' '}
        <Text span fw={700}>
          {yearly
            ? t('storefront.price.totalYear', { price: money(quote.totalPerTermCents, currency) })
            : t('storefront.price.totalMonth', { price: money(quote.totalPerTermCents, currency) })}
        </Text>
      </Text>
      {yearly && (
        <Text size="sm" c="dimmed">
          {t('storefront.price.totalMonthEquivalent', { price: money(quote.totalPerMonthCents, currency) })}
        </Text>
      )}
    </Stack>
  );
}
