import { Button, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { BusinessPage } from '@/components/BusinessPage';
import { FilterBar } from '@/components/FilterBar';
import { FilterSelect } from '@/components/FilterSelect';
import { ListFrame } from '@/components/ListFrame';
import { ProblemAlert } from '@/components/ProblemAlert';
import { SUBSCRIPTION_STATUSES } from '@/lib/subscriptionStatus';
import { humanize, useDynamicT } from '@/i18n/dynamic';
import { useUrlFilters } from '@/lib/filters/useUrlFilters';
import { useDownloadSalesCsv } from '../api/downloadSalesCsv';
import { useSales } from '../api/listSales';
import { usePlanNames } from '../api/listPlans';
import type { SalesFilters } from '../api/types';
import { SalesTable } from '../components/SalesTable';

const SPEC = { status: SUBSCRIPTION_STATUSES, plan_id: 'text', from: 'date', to: 'date' } as const;

/** /app/sales — every subscription bought through the freelancer's link, in any status. */
export default function SalesPage() {
  const { t } = useTranslation();
  const dt = useDynamicT();
  const filters = useUrlFilters(SPEC);
  const v = filters.values;
  const query: SalesFilters = Object.fromEntries(Object.entries(v).filter(([, value]) => value));
  const sales = useSales(query);
  const plans = usePlanNames();
  const csv = useDownloadSalesCsv();
  const planName = (id: string) => plans.data?.find((p) => p.id === id)?.name ?? id;

  return (
    <BusinessPage
      pageTitle={t('sales.pageTitle')}
      title={t('sales.title')}
      lead={t('sales.lead')}
      error={sales.error}
      actions={
        <Button variant="default" onClick={() => csv.mutate(query)} loading={csv.isPending} data-testid="sales-csv">
          {t('sales.csv')}
        </Button>
      }
    >
      <ProblemAlert error={csv.error} />
      <FilterBar active={filters.active} onClear={filters.clear}>
        <FilterSelect
          label={t('sales.filters.status')}
          value={v.status}
          options={SUBSCRIPTION_STATUSES}
          optionLabel={(s) => dt(`subscriptions.status.${s}`, humanize(s))}
          onChange={(s) => filters.setFilter('status', s)}
        />
        <FilterSelect
          label={t('sales.filters.plan')}
          value={v.plan_id}
          options={plans.data?.map((p) => p.id) ?? (v.plan_id ? [v.plan_id] : [])}
          optionLabel={planName}
          onChange={(id) => filters.setFilter('plan_id', id)}
        />
        <TextInput
          type="date"
          label={t('sales.filters.from')}
          value={v.from}
          max={v.to || undefined}
          onChange={(event) => filters.setFilter('from', event.currentTarget.value)}
        />
        <TextInput
          type="date"
          label={t('sales.filters.to')}
          value={v.to}
          min={v.from || undefined}
          onChange={(event) => filters.setFilter('to', event.currentTarget.value)}
        />
      </FilterBar>
      <ListFrame
        query={sales}
        emptyTitle={t('sales.emptyTitle')}
        emptyText={t('sales.emptyText')}
        filtered={filters.active}
        onClearFilters={filters.clear}
      >
        <SalesTable subscriptions={sales.items} />
      </ListFrame>
    </BusinessPage>
  );
}
