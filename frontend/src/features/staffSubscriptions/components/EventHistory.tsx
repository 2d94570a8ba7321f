import { Code, Group, Table, Text, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { StateBadge } from '@/components/StateBadge';
import { TableFrame } from '@/components/TableFrame';
import { humanize, useDynamicT } from '@/i18n/dynamic';
import { useFormat } from '@/lib/format/useFormat';
import type { SubscriptionEvent } from '../api/types';
import { eventKindKey } from '../lib/events';

function chronological(events: readonly SubscriptionEvent[]): SubscriptionEvent[] {
  return [...events].sort((a, b) => Date.parse(a.created_at) - Date.parse(b.created_at));
}

/** The subscription's append-only history, oldest first, each event in words. */
export function EventHistory({ events, currency }: { events: readonly SubscriptionEvent[]; currency: string }) {
  const { t } = useTranslation();
  const dt = useDynamicT();
  const format = useFormat();
  if (events.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {t('staffSubscriptions.events.none')}
      </Text>
    );
  }
  return (
    <TableFrame minWidth={820}>
      <Table striped verticalSpacing="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('staffSubscriptions.events.when')}</Table.Th>
            <Table.Th>{t('staffSubscriptions.events.kind')}</Table.Th>
            <Table.Th>{t('staffSubscriptions.events.status')}</Table.Th>
            <Table.Th ta="right">{t('staffSubscriptions.events.seats')}</Table.Th>
            <Table.Th ta="right">{t('staffSubscriptions.events.amount')}</Table.Th>
            <Table.Th>{t('staffSubscriptions.events.invoice')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {chronological(events).map((event) => (
            <Table.Tr key={event.id} data-testid="subscription-event">
              <Table.Td>
                <Text size="sm">{format.dateTime(event.created_at)}</Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm" fw={600}>
                  {dt(eventKindKey(event.kind), humanize(event.kind))}
                </Text>
              </Table.Td>
              <Table.Td>
                <Group gap={6} wrap="nowrap">
                  {event.status_before && event.status_before !== event.status_after ? (
                    <>
                      <StateBadge status={event.status_before} />
                      <Text size="sm" aria-hidden="true">
                        →
                      </Text>
                      <VisuallyHidden>{t('staffSubscriptions.events.became')}</VisuallyHidden>
                      <StateBadge status={event.status_after} />
                    </>
                  ) : (
                    <StateBadge status={event.status_after} />
                  )}
                </Group>
              </Table.Td>
              <Table.Td ta="right">
                <Text size="sm">{format.number(event.seats)}</Text>
              </Table.Td>
              <Table.Td ta="right">
                <Text size="sm">{event.amount_cents == null ? '—' : format.money(event.amount_cents, currency)}</Text>
              </Table.Td>
              <Table.Td>{event.invoice_id ? <Code fz="xs">{event.invoice_id}</Code> : <Text size="sm">—</Text>}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </TableFrame>
  );
}
