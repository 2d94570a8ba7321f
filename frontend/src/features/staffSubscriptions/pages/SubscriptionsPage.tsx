import { Checkbox, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { FilterBar } from '@/components/FilterBar';
import { FilterSelect } from '@/components/FilterSelect';
import { ListFrame } from '@/components/ListFrame';
import { PageHeader } from '@/components/PageHeader';
import { humanize, useDynamicT } from '@/i18n/dynamic';
import { useUrlFilters } from '@/lib/filters/useUrlFilters';
import { useSubscriptionList } from '../api/listSubscriptions';
import { SubscriptionTable } from '../components/SubscriptionTable';
import { LIST_FILTERS, listQuery, SUBSCRIPTION_STATUSES } from '../lib/filters';

export default function SubscriptionsPage() {
  const { t } = useTranslation();
  const dt = useDynamicT();
  const filters = useUrlFilters(LIST_FILTERS);
  const v = filters.values;
  const list = useSubscriptionList(listQuery(v));
  const selfReferrals = v.self_referral === 'true';

  return (
    <Stack gap="lg">
      <PageHeader
        title={selfReferrals ? t('staffSubscriptions.selfReferral.title') : t('staffSubscriptions.title')}
        description={selfReferrals ? t('staffSubscriptions.selfReferral.description') : t('staffSubscriptions.description')}
      />
      <FilterBar active={filters.active} onClear={filters.clear}>
        <FilterSelect
          label={t('staffSubscriptions.table.status')}
          value={v.status}
          options={SUBSCRIPTION_STATUSES}
          optionLabel={(s) => dt(`staff.status.${s}`, humanize(s))}
          onChange={(s) => filters.setFilter('status', s)}
        />
        <Checkbox
          label={t('staffSubscriptions.filters.selfReferral')}
          checked={selfReferrals}
          onChange={(event) => filters.setFilter('self_referral', event.currentTarget.checked ? 'true' : '')}
          mb={8}
        />
      </FilterBar>
      <ListFrame
        query={list}
        emptyTitle={t('staffSubscriptions.emptyTitle')}
        emptyText={t('staffSubscriptions.emptyText')}
        filtered={filters.active}
        onClearFilters={filters.clear}
      >
        <SubscriptionTable subscriptions={list.items} />
      </ListFrame>
    </Stack>
  );
}
