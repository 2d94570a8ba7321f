import { Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { humanize, useDynamicT } from '@/i18n/dynamic';
import { useFreelancers } from '../api/listFreelancers';
import type { Tier } from '../api/types';
import { FilterBar } from '@/components/FilterBar';
import { FilterSelect } from '@/components/FilterSelect';
import { FreelancerTable } from '../components/FreelancerTable';
import { ListFrame } from '@/components/ListFrame';
import { PageHeader } from '@/components/PageHeader';
import { useUrlFilters } from '@/lib/filters/useUrlFilters';
import { orUndefined } from '@/lib/filters/filters';
import { TIERS } from '../lib/tiers';

const STATUSES = ['registered', 'submitted', 'approved', 'rejected', 'appealed'] as const;
const SPEC = { status: STATUSES, tier: TIERS };

export default function FreelancersPage() {
  const { t } = useTranslation();
  const dt = useDynamicT();
  const filters = useUrlFilters(SPEC);
  const { status, tier } = filters.values;
  const list = useFreelancers({
    status: orUndefined<(typeof STATUSES)[number]>(status),
    tier: orUndefined<Tier>(tier),
  });

  return (
    <Stack gap="lg">
      <PageHeader title={t('staffFreelancers.title')} description={t('staffFreelancers.description')} />
      <FilterBar active={filters.active} onClear={filters.clear}>
        <FilterSelect
          label={t('staffFreelancers.table.status')}
          value={status}
          options={STATUSES}
          optionLabel={(s) => dt(`staff.status.${s}`, humanize(s))}
          onChange={(s) => filters.setFilter('status', s)}
        />
        <FilterSelect
          label={t('staffFreelancers.table.tier')}
          value={tier}
          options={TIERS}
          optionLabel={(s) => dt(`staffFreelancers.tiers.${s}`, humanize(s))}
          onChange={(s) => filters.setFilter('tier', s)}
        />
      </FilterBar>
      <ListFrame
        query={list}
        emptyTitle={t('staffFreelancers.emptyTitle')}
        emptyText={t('staffFreelancers.emptyText')}
        filtered={filters.active}
        onClearFilters={filters.clear}
      >
        <FreelancerTable freelancers={list.items} />
      </ListFrame>
    </Stack>
  );
}
