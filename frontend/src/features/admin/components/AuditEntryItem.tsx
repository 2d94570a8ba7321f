import { Anchor, Button, Code, Group, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { AuditEntry } from '../api/types';
import { actionKey, prettyJson, subjectKey } from '../lib/audit';
import { humanize, useDynamicT } from '@/i18n/dynamic';
import { displayName } from '@/lib/session/displayName';
import { useFormatters } from '@/lib/format/useFormatters';
import { subjectPath } from '../lib/links';

function JsonBlock({ label, value }: { label: string; value: unknown }) {
  const { t } = useTranslation();
  const text = prettyJson(value);
  return (
    <Stack gap={4}>
      <Text size="sm" fw={600}>
        {label}
      </Text>
      {text ? (
        // A focusable region, so keyboard users can scroll a long document.
        <Code block tabIndex={0} role="region" aria-label={label} style={{ maxHeight: 320, overflow: 'auto', whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
          {text}
        </Code>
      ) : (
        <Text size="sm" c="dimmed">
          {t('staffAudit.nothing')}
        </Text>
      )}
    </Stack>
  );
}

type Person = NonNullable<AuditEntry['actor']>;

/** "Ana Lima (ana@example.com)", the staff placeholder name translated. */
function usePersonLabel() {
  const { t } = useTranslation();
  return (person: Person) => `${displayName(person.name, t)} (${person.email})`;
}

/** One audit entry, in words: what happened, to whom, by whom; before/after on demand. */
export function AuditEntryItem({ entry }: { entry: AuditEntry }) {
  const { t } = useTranslation();
  const dt = useDynamicT();
  const personLabel = usePersonLabel();
  const { dateTime } = useFormatters();
  const [open, setOpen] = useState(false);
  const path = subjectPath(entry.subject_type, entry.subject_id);
  const detailsId = `audit-${entry.id}`;

  return (
    <Paper withBorder p="md" radius="md" component="li" data-testid="audit-entry">
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start" gap="sm">
          <Stack gap={2}>
            <Text fw={700} size="sm" title={t('staffAudit.actionCode', { action: entry.action })}>
              {dt(actionKey(entry.action), humanize(entry.action))}
            </Text>
            <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
              {t('staffAudit.subject')}: {dt(subjectKey(entry.subject_type), humanize(entry.subject_type))}{' '}
              {entry.subject_person && `${personLabel(entry.subject_person)} `}
              {path ? (
                <Anchor component={Link} to={path} size="sm">
                  {entry.subject_id}
                </Anchor>
              ) : (
                !entry.subject_person && entry.subject_id
              )}
            </Text>
            <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
              {t('staffAudit.actor')}: {entry.actor ? personLabel(entry.actor) : (entry.actor_id ?? t('staffAudit.system'))}
              {entry.ip ? ` · ${t('staffAudit.ip')}: ${entry.ip}` : ''}
            </Text>
          </Stack>
          <Stack gap={4} align="flex-end">
            <Text size="sm">{dateTime(entry.created_at)}</Text>
            <Button
              size="compact-sm"
              variant="default"
              aria-expanded={open}
              aria-controls={detailsId}
              onClick={() => setOpen((o) => !o)}
            >
              {open ? t('staffAudit.hideChanges') : t('staffAudit.showChanges')}
            </Button>
          </Stack>
        </Group>
        <div id={detailsId}>
          {open && (
            <SimpleGrid cols={{ base: 1, md: 2 }} pt="xs">
              <JsonBlock label={t('staffAudit.before')} value={entry.before} />
              <JsonBlock label={t('staffAudit.after')} value={entry.after} />
            </SimpleGrid>
          )}
        </div>
      </Stack>
    </Paper>
  );
}
