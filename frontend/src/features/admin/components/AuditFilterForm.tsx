import { Button, Group, NativeSelect, Paper, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { FilterValues } from '@/lib/filters/filters';
import { TEXT_MAX } from '@/lib/filters/filters';
import { humanize, useDynamicT } from '@/i18n/dynamic';
import { AUDIT_ACTIONS, AUDIT_SPEC, KNOWN_SUBJECT_TYPES, actionKey, subjectKey } from '../lib/audit';

type Values = FilterValues<typeof AUDIT_SPEC>;
const KEYS = Object.keys(AUDIT_SPEC) as (keyof Values)[];

interface AuditFilterFormProps {
  values: Values;
  active: boolean;
  onApply: (values: Values) => void;
  onClear: () => void;
}

/** The audit log's filters, applied together; actions and subject types by their labels. */
export function AuditFilterForm({ values, active, onApply, onClear }: AuditFilterFormProps) {
  const { t } = useTranslation();
  const dt = useDynamicT();
  const option = (value: string, label: string) => ({ value, label });
  const actions = [
    option('', t('staffAudit.filters.allActions')),
    ...AUDIT_ACTIONS.map((a) => option(a, dt(actionKey(a), humanize(a)))),
  ];
  const subjectTypes = [
    option('', t('staffAudit.filters.allSubjectTypes')),
    ...KNOWN_SUBJECT_TYPES.map((s) => option(s, dt(subjectKey(s), humanize(s)))),
  ];
  // A subject type typed into the URL by hand that the list does not know stays selected.
  if (values.subject_type && !KNOWN_SUBJECT_TYPES.some((s) => s === values.subject_type)) {
    subjectTypes.push(option(values.subject_type, values.subject_type));
  }
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
          <NativeSelect name="action" label={t('staffAudit.filters.action')} defaultValue={values.action} data={actions} />
          <NativeSelect
            name="subject_type"
            label={t('staffAudit.filters.subjectType')}
            defaultValue={values.subject_type}
            data={subjectTypes}
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
      </form>
    </Paper>
  );
}
