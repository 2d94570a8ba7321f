import { Button, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate, useParams } from 'react-router';
import { BusinessPage } from '@/components/BusinessPage';
import { FilterBar } from '@/components/FilterBar';
import { FilterSelect } from '@/components/FilterSelect';
import { ListFrame } from '@/components/ListFrame';
import { Section } from '@/components/Section';
import { humanize, useDynamicT } from '@/i18n/dynamic';
import { useUrlFilters } from '@/lib/filters/useUrlFilters';
import { useFormat } from '@/lib/format/useFormat';
import { useEarnings } from '../api/listEarnings';
import { EARNING_KINDS, EARNING_STATUSES, MIN_WITHDRAWAL_CENTS, type EarningFilters, type Withdrawal } from '../api/types';
import { BalanceCards } from '../components/BalanceCards';
import { Downloads } from '../components/Downloads';
import { EntriesTable } from '../components/EntriesTable';
import { ForecastCard } from '../components/ForecastCard';
import { MonthlyChart } from '../components/MonthlyChart';
import { TimelineDrawer } from '../components/TimelineDrawer';
import { WithdrawalResult } from '../components/WithdrawalResult';
import { WithdrawModal } from '../components/WithdrawModal';
import { Withdrawals } from '../components/Withdrawals';

const FILTERS = { kind: EARNING_KINDS, status: EARNING_STATUSES } as const;

/** /app/earnings (and /app/earnings/:entryId with that entry's timeline open). */
export default function EarningsPage() {
  const { t } = useTranslation();
  const dt = useDynamicT();
  const format = useFormat();
  const { entryId } = useParams();
  const navigate = useNavigate();
  const { search } = useLocation();
  const filters = useUrlFilters(FILTERS);
  const query: EarningFilters = {
    ...(filters.values.kind ? { kind: filters.values.kind as EarningFilters['kind'] } : {}),
    ...(filters.values.status ? { status: filters.values.status as EarningFilters['status'] } : {}),
  };
  const earnings = useEarnings(query);
  const [withdrawing, setWithdrawing] = useState(false);
  const [result, setResult] = useState<Withdrawal | null>(null);

  const balances = earnings.balances;
  const canWithdraw = Boolean(balances && balances.available_cents >= MIN_WITHDRAWAL_CENTS);

  return (
    <BusinessPage
      pageTitle={t('earnings.pageTitle')}
      title={t('earnings.title')}
      lead={t('earnings.lead')}
      error={earnings.error}
      actions={
        balances && (
          <Stack gap={4} align="flex-end">
            <Button onClick={() => setWithdrawing(true)} disabled={!canWithdraw}>
              {t('earnings.withdraw.open')}
            </Button>
            {!canWithdraw && (
              <Text size="xs" c="dimmed">
                {t('earnings.withdraw.notYet', { minimum: format.money(MIN_WITHDRAWAL_CENTS, balances.currency) })}
              </Text>
            )}
          </Stack>
        )
      }
    >
      {result && <WithdrawalResult withdrawal={result} onClose={() => setResult(null)} />}
      {balances && <BalanceCards balances={balances} />}

      <MonthlyChart />

      <Section id="entries-title" title={t('earnings.entries.title')}>
        <FilterBar active={filters.active} onClear={filters.clear}>
          <FilterSelect
            label={t('earnings.entries.kind')}
            value={filters.values.kind}
            options={EARNING_KINDS}
            optionLabel={(kind) => dt(`earnings.kind.${kind}`, humanize(kind))}
            onChange={(value) => filters.setFilter('kind', value)}
          />
          <FilterSelect
            label={t('earnings.entries.status')}
            value={filters.values.status}
            options={EARNING_STATUSES}
            optionLabel={(status) => dt(`earnings.status.${status}`, humanize(status))}
            onChange={(value) => filters.setFilter('status', value)}
          />
        </FilterBar>
        <ListFrame
          query={earnings}
          emptyTitle={t('earnings.entries.emptyTitle')}
          emptyText={t('earnings.entries.emptyText')}
          filtered={filters.active}
          onClearFilters={filters.clear}
        >
          <EntriesTable entries={earnings.items} />
        </ListFrame>
      </Section>

      <ForecastCard />

      <Section id="withdrawals-title" title={t('earnings.withdrawals.title')}>
        <Withdrawals />
      </Section>

      <Downloads filters={query} />

      {withdrawing && balances && (
        <WithdrawModal
          opened
          onClose={() => setWithdrawing(false)}
          availableCents={balances.available_cents}
          currency={balances.currency}
          onDone={setResult}
        />
      )}
      <TimelineDrawer entryId={entryId} onClose={() => void navigate(`/app/earnings${search}`)} />
    </BusinessPage>
  );
}
