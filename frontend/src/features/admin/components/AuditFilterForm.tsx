import { Button, Group, Paper, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { FilterValues } from '@/lib/filters/filters';
import { TEXT_MAX } from '@/lib/filters/filters';
import { AUDIT_SPEC, KNOWN_ACTIONS, KNOWN_SUBJECT_TYPES } from '../lib/audit';

type Values = FilterValues<typeof AUDIT_SPEC>;
const KEYS = Object.keys(AUDIT_SPEC) as (keyof Values)[];

interface AuditFilterFormProps {
  values: Values;
  active: boolean;
  onApply: (values: Values) => void;
  onClear: () => void;
}

/** The audit log's text filters, applied together (the fields suggest known values). */
export function AuditFilterForm({ values, active, onApply, onClear }: AuditFilterFormProps) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-label={t('staff.list.filters')}>
      <form
        // Restart the fields from the URL whenever it changes (back button, "Clear").
        key={JSON.stringify(values)}
        onSubmit={(event) => {
          event.preventDefault();
          const data = new FormData(event.currentTarget);
          onApply(Object.fromEntries(KEYS.map((k) => [k, String(data.get(k) ?? '')])) as Values);
        }}
      >
        <Group align="flex-end" gap="md">
          <TextInput
            name="action"
            label={t('staffAudit.filters.action')}
            placeholder="application.rejected"
            defaultValue={values.action}
            list="audit-actions"
            maxLength={TEXT_MAX}
            autoComplete="off"
          />
          <TextInput
            name="subject_type"
            label={t('staffAudit.filters.subjectType')}
            placeholder="application"
            defaultValue={values.subject_type}
            list="audit-subject-types"
            maxLength={TEXT_MAX}
            autoComplete="off"
          />
          <TextInput
            name="subject_id"
            label={t('staffAudit.filters.subjectId')}
            defaultValue={values.subject_id}
            maxLength={TEXT_MAX}
            autoComplete="off"
          />
          <TextInput
            name="actor_id"
            label={t('staffAudit.filters.actorId')}
            defaultValue={values.actor_id}
            maxLength={TEXT_MAX}
            autoComplete="off"
          />
          <Button type="submit">{t('staffAudit.filters.apply')}</Button>
          {active && (
            <Button variant="default" onClick={onClear}>
              {t('staff.list.clearFilters')}
            </Button>
          )}
        </Group>
        <datalist id="audit-actions">
          {KNOWN_ACTIONS.map((a) => (
            <option key={a} value={a} />
          ))}
        </datalist>
        <datalist id="audit-subject-types">
          {KNOWN_SUBJECT_TYPES.map((s) => (
            <option key={s} value={s} />
          ))}
        </datalist>
      </form>
    </Paper>
  );
}
