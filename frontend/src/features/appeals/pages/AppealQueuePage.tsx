import { Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { humanize, useDynamicT } from '@/i18n/dynamic';
import { useAppealQueue } from '../api/listAppeals';
import { AppealTable } from '../components/AppealTable';
import { FilterBar } from '@/components/FilterBar';
import { FilterSelect } from '@/components/FilterSelect';
import { ListFrame } from '@/components/ListFrame';
import { PageHeader } from '@/components/PageHeader';
import { useUrlFilters } from '@/lib/filters/useUrlFilters';
import { orUndefined } from '@/lib/filters/filters';

const STATUSES = ['submitted', 'in_review', 'upheld', 'denied'] as const;
const SPEC = { status: STATUSES };

export default function AppealsPage() {
  const { t } = useTranslation();
  const dt = useDynamicT();
  const filters = useUrlFilters(SPEC);
  const list = useAppealQueue({ status: orUndefined<(typeof STATUSES)[number]>(filters.values.status) });

  return (
    <Stack gap="lg">
      <PageHeader title={t('staffAppeals.title')} description={t('staffAppeals.description')} />
      <FilterBar active={filters.active} onClear={filters.clear}>
        <FilterSelect
          label={t('staffAppeals.table.status')}
          value={filters.values.status}
          options={STATUSES}
          optionLabel={(s) => dt(`staff.status.${s}`, humanize(s))}
          onChange={(s) => filters.setFilter('status', s)}
        />
      </FilterBar>
      <ListFrame
        query={list}
        emptyTitle={t('staffAppeals.emptyTitle')}
        emptyText={t('staffAppeals.emptyText')}
        filtered={filters.active}
        onClearFilters={filters.clear}
      >
        <AppealTable appeals={list.items} />
      </ListFrame>
    </Stack>
  );
}
