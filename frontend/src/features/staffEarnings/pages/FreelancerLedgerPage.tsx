import { Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { FilterBar } from '@/components/FilterBar';
import { FilterSelect } from '@/components/FilterSelect';
import { ListFrame } from '@/components/ListFrame';
import { PageHeader } from '@/components/PageHeader';
import { Section } from '@/components/Section';
import { useUrlFilters } from '@/lib/filters/useUrlFilters';
import { useFreelancerEarnings } from '../api/listFreelancerEarnings';
import { useLedgerOwner } from '../api/getLedgerOwner';
import { AdjustmentForm } from '../components/AdjustmentForm';
import { BalanceCards } from '../components/BalanceCards';
import { EntryTable } from '../components/EntryTable';
import { EARNING_KINDS, EARNING_STATUSES, LEDGER_FILTERS, ledgerQuery } from '../lib/filters';

/** A freelancer's ledger for support: balances, every entry with its cause, and adjustments. */
export default function FreelancerLedgerPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const owner = useLedgerOwner(id);
  const filters = useUrlFilters(LEDGER_FILTERS);
  const v = filters.values;
  const list = useFreelancerEarnings(id, ledgerQuery(v));
  const name = owner.data?.full_name ?? id;
  const currency = list.balances?.currency ?? 'USD';

  return (
    <Stack gap="lg">
      <PageHeader
        title={t('staffEarnings.ledger.title', { name })}
        description={t('staffEarnings.ledger.description')}
        back={{ to: `/admin/freelancers/${encodeURIComponent(id)}`, label: t('staffEarnings.ledger.back') }}
      />
      <BalanceCards balances={list.balances} />
      <Section id="ledger-entries" title={t('staffEarnings.ledger.entries')}>
        <FilterBar active={filters.active} onClear={filters.clear}>
          <FilterSelect
            label={t('staffEarnings.table.kind')}
            value={v.kind}
            options={EARNING_KINDS}
            optionLabel={(k) => t(`staffEarnings.kinds.${k as (typeof EARNING_KINDS)[number]}`)}
            onChange={(k) => filters.setFilter('kind', k)}
          />
          <FilterSelect
            label={t('staffEarnings.table.status')}
            value={v.status}
            options={EARNING_STATUSES}
            optionLabel={(s) => t(`staff.status.${s as (typeof EARNING_STATUSES)[number]}`)}
            onChange={(s) => filters.setFilter('status', s)}
          />
        </FilterBar>
        <ListFrame
          query={list}
          emptyTitle={t('staffEarnings.ledger.emptyTitle')}
          emptyText={t('staffEarnings.ledger.emptyText')}
          filtered={filters.active}
          onClearFilters={filters.clear}
        >
          <EntryTable freelancerId={id} entries={list.items} />
        </ListFrame>
      </Section>
      <Section id="adjustment" title={t('staffEarnings.adjust.title')}>
        <AdjustmentForm freelancerId={id} freelancerName={name} currency={currency} />
      </Section>
    </Stack>
  );
}
