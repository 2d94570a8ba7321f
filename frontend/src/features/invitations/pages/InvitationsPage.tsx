import { Stack, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { humanize, useDynamicT } from '@/i18n/dynamic';
import { useInvitations } from '../api/listInvitations';
import type { IssuedInvitation } from '../api/types';
import { FilterBar } from '@/components/FilterBar';
import { FilterSelect } from '@/components/FilterSelect';
import { InvitationForm } from '../components/InvitationForm';
import { InvitationTable } from '../components/InvitationTable';
import { IssuedInvitationNotice } from '../components/IssuedInvitationNotice';
import { ListFrame } from '@/components/ListFrame';
import { PageHeader } from '@/components/PageHeader';
import { useUrlFilters } from '@/lib/filters/useUrlFilters';
import { orUndefined } from '@/lib/filters/filters';

const STATUSES = ['sent', 'accepted', 'expired', 'revoked'] as const;
const KINDS = ['internal', 'external'] as const;
const SPEC = { status: STATUSES, kind: KINDS };

export default function InvitationsPage() {
  const { t } = useTranslation();
  const dt = useDynamicT();
  const filters = useUrlFilters(SPEC);
  const { status, kind } = filters.values;
  const list = useInvitations({
    status: orUndefined<(typeof STATUSES)[number]>(status),
    kind: orUndefined<(typeof KINDS)[number]>(kind),
  });
  // The link with its token is shown once, right after creating or re-sending.
  const [issued, setIssued] = useState<IssuedInvitation | null>(null);

  return (
    <Stack gap="lg">
      <PageHeader title={t('staffInvitations.title')} description={t('staffInvitations.description')} />
      {issued && <IssuedInvitationNotice issued={issued} onDismiss={() => setIssued(null)} />}
      <InvitationForm onIssued={setIssued} />
      <Stack gap="sm" component="section" aria-labelledby="invitations-list">
        <Title order={2} size="h4" id="invitations-list">
          {t('staffInvitations.listTitle')}
        </Title>
        <FilterBar active={filters.active} onClear={filters.clear}>
          <FilterSelect
            label={t('staffInvitations.table.status')}
            value={status}
            options={STATUSES}
            optionLabel={(v) => dt(`staff.status.${v}`, humanize(v))}
            onChange={(v) => filters.setFilter('status', v)}
          />
          <FilterSelect
            label={t('staffInvitations.table.kind')}
            value={kind}
            options={KINDS}
            optionLabel={(v) => dt(`staffInvitations.kindShort.${v}`, humanize(v))}
            onChange={(v) => filters.setFilter('kind', v)}
          />
        </FilterBar>
        <ListFrame
          query={list}
          emptyTitle={t('staffInvitations.emptyTitle')}
          emptyText={t('staffInvitations.emptyText')}
          filtered={filters.active}
          onClearFilters={filters.clear}
        >
          <InvitationTable invitations={list.items} onIssued={setIssued} />
        </ListFrame>
      </Stack>
    </Stack>
  );
}
