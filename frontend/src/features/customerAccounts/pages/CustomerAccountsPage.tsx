import { NativeSelect, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { FilterBar } from '@/components/FilterBar';
import { ListFrame } from '@/components/ListFrame';
import { PageHeader } from '@/components/PageHeader';
import { humanize, useDynamicT } from '@/i18n/dynamic';
import { useUrlFilters } from '@/lib/filters/useUrlFilters';
import { useCustomerAccountQueue } from '../api/listCustomerAccounts';
import { AutoApproveSetting } from '../components/AutoApproveSetting';
import { CustomerAccountTable } from '../components/CustomerAccountTable';
import { QUEUE_FILTERS, queueStatus, STATUS_CHOICES, statusChoice, statusParam } from '../lib/queue';

export default function CustomerAccountsPage() {
  const { t } = useTranslation();
  const dt = useDynamicT();
  const filters = useUrlFilters(QUEUE_FILTERS);
  const choice = statusChoice(filters.values.status);
  const list = useCustomerAccountQueue({ status: queueStatus(filters.values.status) });

  return (
    <Stack gap="lg">
      <PageHeader title={t('staffCustomerAccounts.title')} description={t('staffCustomerAccounts.description')} />
      <AutoApproveSetting />
      <FilterBar active={filters.active} onClear={filters.clear}>
        <NativeSelect
          label={t('staffCustomerAccounts.table.status')}
          value={choice}
          onChange={(event) => filters.setFilter('status', statusParam(event.currentTarget.value))}
          data={STATUS_CHOICES.map((value) => ({
            value,
            label: value === 'all' ? t('staff.list.all') : dt(`staff.status.${value}`, humanize(value)),
          }))}
          miw={160}
        />
      </FilterBar>
      <ListFrame
        query={list}
        emptyTitle={t('staffCustomerAccounts.emptyTitle')}
        emptyText={t('staffCustomerAccounts.emptyText')}
        filtered={filters.active}
        onClearFilters={filters.clear}
      >
        <CustomerAccountTable accounts={list.items} />
      </ListFrame>
    </Stack>
  );
}
