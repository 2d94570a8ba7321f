import { Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { humanize, useDynamicT } from '@/i18n/dynamic';
import { useTicketQueue } from '../api/listSupportTickets';
import { FilterBar } from '@/components/FilterBar';
import { FilterSelect } from '@/components/FilterSelect';
import { ListFrame } from '@/components/ListFrame';
import { PageHeader } from '@/components/PageHeader';
import { TicketTable } from '../components/TicketTable';
import { useUrlFilters } from '@/lib/filters/useUrlFilters';
import { orUndefined } from '@/lib/filters/filters';

const STATUSES = ['open', 'answered', 'closed'] as const;
const CATEGORIES = ['account', 'application', 'onboarding', 'payments', 'technical', 'other'] as const;
const SPEC = { status: STATUSES, category: CATEGORIES };

export default function SupportTicketsPage() {
  const { t } = useTranslation();
  const dt = useDynamicT();
  const filters = useUrlFilters(SPEC);
  const { status, category } = filters.values;
  const list = useTicketQueue({
    status: orUndefined<(typeof STATUSES)[number]>(status),
    category: orUndefined<(typeof CATEGORIES)[number]>(category),
  });

  return (
    <Stack gap="lg">
      <PageHeader title={t('staffSupport.title')} description={t('staffSupport.description')} />
      <FilterBar active={filters.active} onClear={filters.clear}>
        <FilterSelect
          label={t('staffSupport.table.status')}
          value={status}
          options={STATUSES}
          optionLabel={(s) => dt(`staff.status.${s}`, humanize(s))}
          onChange={(s) => filters.setFilter('status', s)}
        />
        <FilterSelect
          label={t('staffSupport.table.category')}
          value={category}
          options={CATEGORIES}
          optionLabel={(c) => dt(`staffSupport.categories.${c}`, humanize(c))}
          onChange={(c) => filters.setFilter('category', c)}
        />
      </FilterBar>
      <ListFrame
        query={list}
        emptyTitle={t('staffSupport.emptyTitle')}
        emptyText={t('staffSupport.emptyText')}
        filtered={filters.active}
        onClearFilters={filters.clear}
      >
        <TicketTable tickets={list.items} />
      </ListFrame>
    </Stack>
  );
}
