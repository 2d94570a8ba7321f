import { Anchor, Divider, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Section } from '@/components/Section';
import { useFormat } from '@/lib/format/useFormat';
import type { Cart } from '../lib/cart';
import { quote } from '../lib/pricing';
import { PriceLines } from './PriceLines';

/** The cart as the buyer will pay it, with a way back to change it. */
export function OrderSummary({ cart, creditedTo }: { cart: Cart; creditedTo: string | null }) {
  const { t } = useTranslation();
  const { money } = useFormat();
  const q = quote(cart.plan, cart.term, cart.seats);
  return (
    <Section id="order-title" title={t('checkout.summary.title')}>
      <Stack gap="sm" data-testid="order-summary">
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <Stack gap={2}>
            <Text fw={700}>{cart.plan.name}</Text>
            <Text size="sm">
              {t(`storefront.term.${cart.term}`)} · {t('checkout.summary.seats', { count: cart.seats })}
            </Text>
          </Stack>
          <Anchor component={Link} to={cart.backTo} size="sm">
            {t('checkout.summary.change')}
          </Anchor>
        </Group>
        <PriceLines quote={q} currency={cart.plan.currency} />
        <Divider />
        <Group justify="space-between">
          <Text fw={700}>{t('checkout.summary.dueToday')}</Text>
          <Text fw={700} data-testid="due-today">
            {money(q.totalPerTermCents, cart.plan.currency)}
          </Text>
        </Group>
        <Text size="xs" c="dimmed">
          {t('storefront.taxNote')}
        </Text>
        {creditedTo && (
          <Text size="sm" data-testid="credited-to">
            {t('storefront.creditedTo', { name: creditedTo })}
          </Text>
        )}
      </Stack>
    </Section>
  );
}
