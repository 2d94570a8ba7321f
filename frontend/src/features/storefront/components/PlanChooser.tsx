import { Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { EmptyState } from '@/components/EmptyState';
import type { BillingTerm, Plan } from '../api/types';
import { loadCart, saveCart } from '../lib/cart';
import { isValidSeats, quote } from '../lib/pricing';
import { PlanCard } from './PlanCard';
import { SeatsInput } from './SeatsInput';
import { TermToggle } from './TermToggle';

interface PlanChooserProps {
  plans: readonly Plan[];
  /** The page to come back to from the checkout ("change"). */
  backTo: string;
}

/** The plans side by side with one term and one seat count; "Buy" fills the cart. */
export function PlanChooser({ plans, backTo }: PlanChooserProps) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  // Coming back to change the order starts from what was chosen.
  const [initial] = useState(loadCart);
  const [term, setTerm] = useState<BillingTerm>(initial?.term ?? 'monthly');
  const [seats, setSeats] = useState<number | string>(initial?.seats ?? 1);
  const validSeats = isValidSeats(seats) ? seats : null;

  if (plans.length === 0) {
    return <EmptyState title={t('storefront.noPlansTitle')} description={t('storefront.noPlansText')} />;
  }

  const buy = (plan: Plan) => {
    if (validSeats === null) return;
    saveCart({ plan, term, seats: validSeats, backTo });
    void navigate('/checkout');
  };

  return (
    <Stack gap="lg">
      <Group gap="xl" align="flex-start" wrap="wrap">
        <TermToggle value={term} onChange={setTerm} />
        <SeatsInput value={seats} onChange={setSeats} />
      </Group>
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="md" aria-label={t('storefront.plansLabel')} role="list">
        {plans.map((plan) => (
          <div role="listitem" key={plan.id} style={{ display: 'flex', flexDirection: 'column' }}>
            <PlanCard plan={plan} quote={validSeats === null ? null : quote(plan, term, validSeats)} onBuy={() => buy(plan)} />
          </div>
        ))}
      </SimpleGrid>
      <Text size="sm" c="dimmed">
        {t('storefront.taxNote')}
      </Text>
    </Stack>
  );
}
