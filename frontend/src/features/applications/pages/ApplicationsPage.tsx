import { Stack, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { humanize, useDynamicT } from '@/i18n/dynamic';
import { useApplicationQueue } from '../api/listApplications';
import { ApplicationTable } from '../components/ApplicationTable';
import { FilterBar } from '@/components/FilterBar';
import { FilterSelect } from '@/components/FilterSelect';
import { ListFrame } from '@/components/ListFrame';
import { PageHeader } from '@/components/PageHeader';
import { SearchField } from '@/components/SearchField';
import { useUrlFilters } from '@/lib/filters/useUrlFilters';
import { endOfDay, orUndefined, startOfDay, toBoolean } from '@/lib/filters/filters';

const STATUSES = ['submitted', 'approved', 'rejected', 'appealed'] as const;
const SPEC = {
  status: STATUSES,
  invited: ['true', 'false'],
  submitted_after: 'date',
  submitted_before: 'date',
  q: 'text',
} as const;

export default function ApplicationsPage() {
  const { t } = useTranslation();
  const dt = useDynamicT();
  const filters = useUrlFilters(SPEC);
  const v = filters.values;
  const list = useApplicationQueue({
    status: orUndefined<(typeof STATUSES)[number]>(v.status),
    invited: toBoolean(v.invited),
    submitted_after: startOfDay(v.submitted_after),
    submitted_before: endOfDay(v.submitted_before),
    q: orUndefined(v.q),
  });

  return (
    <Stack gap="lg">
      <PageHeader title={t('staffApplications.title')} description={t('staffApplications.description')} />
      <FilterBar active={filters.active} onClear={filters.clear}>
        <SearchField
          name="q"
          label={t('staffApplications.filters.search')}
          placeholder={t('staffApplications.filters.searchPlaceholder')}
          value={v.q}
          onSearch={(q) => filters.setFilter('q', q)}
        />
        <FilterSelect
          label={t('staffApplications.table.status')}
          value={v.status}
          options={STATUSES}
          optionLabel={(s) => dt(`staff.status.${s}`, humanize(s))}
          onChange={(s) => filters.setFilter('status', s)}
        />
        <FilterSelect
          label={t('staffApplications.filters.invited')}
          value={v.invited}
          options={['true', 'false']}
          optionLabel={(s) => (s === 'true' ? t('staffApplications.filters.invitedYes') : t('staffApplications.filters.invitedNo'))}
          onChange={(s) => filters.setFilter('invited', s)}
        />
        <TextInput
          type="date"
          label={t('staffApplications.filters.from')}
          value={v.submitted_after}
          max={v.submitted_before || undefined}
          onChange={(event) => filters.setFilter('submitted_after', event.currentTarget.value)}
        />
        <TextInput
          type="date"
          label={t('staffApplications.filters.until')}
          value={v.submitted_before}
          min={v.submitted_after || undefined}
          onChange={(event) => filters.setFilter('submitted_before', event.currentTarget.value)}
        />
      </FilterBar>
      <ListFrame
        query={list}
        emptyTitle={t('staffApplications.emptyTitle')}
        emptyText={t('staffApplications.emptyText')}
        filtered={filters.active}
        onClearFilters={filters.clear}
      >
        <ApplicationTable applications={list.items} />
      </ListFrame>
    </Stack>
  );
}
