import { Button, Card, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Plan } from '../api/types';
import { usePlanDescription } from '../lib/planText';
import type { Quote } from '../lib/pricing';
import { PriceLines } from './PriceLines';

interface PlanCardProps {
  plan: Plan;
  /** null while the seat count is not valid: then nothing can be bought. */
  quote: Quote | null;
  onBuy: () => void;
}

export function PlanCard({ plan, quote, onBuy }: PlanCardProps) {
  const { t } = useTranslation();
  const describe = usePlanDescription();
  const headingId = `plan-${plan.id}`;
  return (
    <Card withBorder radius="md" padding="lg" component="article" aria-labelledby={headingId} data-testid="plan-card">
      <Stack gap="md" h="100%" justify="space-between">
        <Stack gap="xs">
          <Title order={2} size="h4" id={headingId}>
            {plan.name}
          </Title>
          <Text size="sm" c="dimmed">
            {describe(plan)}
          </Text>
        </Stack>
        <Stack gap="md">
          {quote && <PriceLines quote={quote} currency={plan.currency} />}
          <Button onClick={onBuy} disabled={!quote} aria-label={t('storefront.buyPlan', { plan: plan.name })} fullWidth>
            {t('storefront.buy')}
          </Button>
        </Stack>
      </Stack>
    </Card>
  );
}
