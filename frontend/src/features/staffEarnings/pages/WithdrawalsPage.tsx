import { Stack } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FilterBar } from '@/components/FilterBar';
import { FilterSelect } from '@/components/FilterSelect';
import { ListFrame } from '@/components/ListFrame';
import { PageHeader } from '@/components/PageHeader';
import { ProblemAlert } from '@/components/ProblemAlert';
import { useNotifySuccess } from '@/components/notifySuccess';
import { useUrlFilters } from '@/lib/filters/useUrlFilters';
import { useFormat } from '@/lib/format/useFormat';
import { useWithdrawalList } from '../api/listWithdrawals';
import { useRetryWithdrawal } from '../api/retryWithdrawal';
import type { StaffWithdrawal } from '../api/types';
import { WithdrawalTable } from '../components/WithdrawalTable';
import { WITHDRAWAL_FILTERS, WITHDRAWAL_STATUSES, withdrawalQuery } from '../lib/filters';

/** The payout queue: every withdrawal, filtered by status; a payout still requested can be retried. */
export default function WithdrawalsPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const notify = useNotifySuccess();
  const filters = useUrlFilters(WITHDRAWAL_FILTERS);
  const list = useWithdrawalList(withdrawalQuery(filters.values));
  const retry = useRetryWithdrawal();
  const [retrying, setRetrying] = useState<string | null>(null);

  const onRetry = (w: StaffWithdrawal) => {
    setRetrying(w.id);
    retry.mutate(w.id, {
      onSuccess: (done) =>
        notify(
          t(`staffEarnings.withdrawals.retried.${done.status}`, {
            name: done.freelancer_name,
            amount: format.money(done.amount_cents, done.currency),
          }),
        ),
      onSettled: () => setRetrying(null),
    });
  };

  return (
    <Stack gap="lg">
      <PageHeader title={t('staffEarnings.withdrawals.title')} description={t('staffEarnings.withdrawals.description')} />
      <ProblemAlert error={retry.error} />
      <FilterBar active={filters.active} onClear={filters.clear}>
        <FilterSelect
          label={t('staffEarnings.table.status')}
          value={filters.values.status}
          options={WITHDRAWAL_STATUSES}
          optionLabel={(s) => t(`staff.status.${s as (typeof WITHDRAWAL_STATUSES)[number]}`)}
          onChange={(s) => filters.setFilter('status', s)}
        />
      </FilterBar>
      <ListFrame
        query={list}
        emptyTitle={t('staffEarnings.withdrawals.emptyTitle')}
        emptyText={t('staffEarnings.withdrawals.emptyText')}
        filtered={filters.active}
        onClearFilters={filters.clear}
      >
        <WithdrawalTable withdrawals={list.items} onRetry={onRetry} retrying={retrying} />
      </ListFrame>
    </Stack>
  );
}
