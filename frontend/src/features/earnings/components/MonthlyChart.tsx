import { Skeleton } from '@mantine/core';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '@/components/EmptyState';
import { ErrorState } from '@/components/ErrorState';
import { Section } from '@/components/Section';
import { useMonthlyEarnings } from '../api/getMonthlyEarnings';

// The chart's code is its own chunk, fetched when this card first renders (chart.build.test.ts checks it).
const EarningsChart = lazy(() => import('./EarningsChart'));

/** Earnings per month over the last twelve months. */
export function MonthlyChart() {
  const { t } = useTranslation();
  const monthly = useMonthlyEarnings(12);
  const empty = monthly.data?.months.every((m) => m.commission_cents === 0 && m.reversed_cents === 0);
  return (
    <Section id="monthly-title" title={t('earnings.chart.title')}>
      {monthly.isPending && <Skeleton height={260} />}
      {monthly.isError && <ErrorState error={monthly.error} onRetry={() => void monthly.refetch()} />}
      {monthly.data &&
        (empty ? (
          <EmptyState title={t('earnings.chart.emptyTitle')} description={t('earnings.chart.emptyText')} />
        ) : (
          <Suspense fallback={<Skeleton height={260} />}>
            <EarningsChart data={monthly.data} />
          </Suspense>
        ))}
    </Section>
  );
}
