import { Paper, SimpleGrid, Skeleton, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormat } from '@/lib/format/useFormat';
import type { EarningBalances } from '../api/types';

const CARDS = [
  ['pending_cents', 'staffEarnings.balances.pending', 'staffEarnings.balances.pendingHint'],
  ['available_cents', 'staffEarnings.balances.available', 'staffEarnings.balances.availableHint'],
  ['withdrawn_cents', 'staffEarnings.balances.withdrawn', 'staffEarnings.balances.withdrawnHint'],
  ['since_joining_cents', 'staffEarnings.balances.sinceJoining', 'staffEarnings.balances.sinceJoiningHint'],
] as const;

/** The freelancer's balances as the ledger derives them (a skeleton until the first page arrives). */
export function BalanceCards({ balances }: { balances: EarningBalances | undefined }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="md" data-testid="balances">
      {CARDS.map(([field, label, hint]) => (
        <Paper key={field} withBorder p="md" radius="md" data-testid={`balance-${field}`}>
          <Text size="sm" c="dimmed">
            {t(label)}
          </Text>
          {balances ? (
            <Text fz="xl" fw={700}>
              {format.money(balances[field], balances.currency)}
            </Text>
          ) : (
            <Skeleton height={28} my={2} />
          )}
          <Text size="xs" c="dimmed">
            {t(hint)}
          </Text>
        </Paper>
      ))}
    </SimpleGrid>
  );
}
