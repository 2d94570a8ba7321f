import { Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useAuditLog } from '../api/listAuditLog';
import { AuditFilterForm } from '../components/AuditFilterForm';
import { AuditEntryItem } from '../components/AuditEntryItem';
import { ListFrame } from '@/components/ListFrame';
import { PageHeader } from '@/components/PageHeader';
import { useUrlFilters } from '@/lib/filters/useUrlFilters';
import { AUDIT_SPEC } from '../lib/audit';
import { orUndefined } from '@/lib/filters/filters';

export default function AuditLogPage() {
  const { t } = useTranslation();
  const filters = useUrlFilters(AUDIT_SPEC);
  const v = filters.values;
  const list = useAuditLog({
    action: orUndefined(v.action),
    actor_id: orUndefined(v.actor_id),
    subject_type: orUndefined(v.subject_type),
    subject_id: orUndefined(v.subject_id),
  });

  return (
    <Stack gap="lg">
      <PageHeader title={t('staffAudit.title')} description={t('staffAudit.description')} />
      <AuditFilterForm values={v} active={filters.active} onApply={filters.setFilters} onClear={filters.clear} />
      <ListFrame
        query={list}
        emptyTitle={t('staffAudit.emptyTitle')}
        emptyText={t('staffAudit.emptyText')}
        filtered={filters.active}
        onClearFilters={filters.clear}
      >
        <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: 'none' }} aria-label={t('staffAudit.listLabel')}>
          {list.items.map((entry) => (
            <AuditEntryItem key={entry.id} entry={entry} />
          ))}
        </Stack>
      </ListFrame>
    </Stack>
  );
}
