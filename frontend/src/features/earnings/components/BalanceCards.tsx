import { SimpleGrid } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { StatCard } from '@/components/StatCard';
import { useFormat } from '@/lib/format/useFormat';
import type { Balances } from '../api/types';

/** Pending, available, withdrawn and earned since joining: all derived from the ledger. */
export function BalanceCards({ balances }: { balances: Balances }) {
  const { t } = useTranslation();
  const format = useFormat();
  const money = (cents: number) => format.money(cents, balances.currency);
  return (
    <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="md" component="section" aria-label={t('earnings.balances.title')}>
      <StatCard label={t('earnings.balances.pending')} value={money(balances.pending_cents)} hint={t('earnings.balances.pendingHint')} testId="balance-pending" />
      <StatCard
        label={t('earnings.balances.available')}
        value={money(balances.available_cents)}
        hint={t('earnings.balances.availableHint')}
        testId="balance-available"
      />
      <StatCard
        label={t('earnings.balances.withdrawn')}
        value={money(balances.withdrawn_cents)}
        hint={t('earnings.balances.withdrawnHint')}
        testId="balance-withdrawn"
      />
      <StatCard
        label={t('earnings.balances.sinceJoining')}
        value={money(balances.since_joining_cents)}
        hint={t('earnings.balances.sinceJoiningHint')}
        testId="balance-since-joining"
      />
    </SimpleGrid>
  );
}
