import { Anchor, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { TableFrame } from '@/components/TableFrame';
import { humanize, useDynamicT } from '@/i18n/dynamic';
import { useFormat } from '@/lib/format/useFormat';
import type { EarningEntry } from '../api/types';
import { EntryStatusBadge } from './StatusBadges';
import { useAvailableText } from './useAvailableText';
import { useCauseText } from './useCauseText';

/** The ledger's entries; each opens its timeline. */
export function EntriesTable({ entries }: { entries: readonly EarningEntry[] }) {
  const { t } = useTranslation();
  const dt = useDynamicT();
  const format = useFormat();
  const cause = useCauseText();
  const available = useAvailableText();
  // The filters stay in the URL while the timeline is open.
  const { search } = useLocation();
  return (
    <TableFrame minWidth={820}>
      <Table striped highlightOnHover verticalSpacing="sm" data-testid="earning-entries">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('earnings.entries.date')}</Table.Th>
            <Table.Th>{t('earnings.entries.kind')}</Table.Th>
            <Table.Th>{t('earnings.entries.status')}</Table.Th>
            <Table.Th ta="right">{t('earnings.entries.amount')}</Table.Th>
            <Table.Th>{t('earnings.entries.availableOn')}</Table.Th>
            <Table.Th>{t('earnings.entries.cause')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {entries.map((entry) => (
            <Table.Tr key={entry.id} data-testid="earning-row" data-kind={entry.kind} data-status={entry.status}>
              <Table.Td>
                <Anchor
                  component={Link}
                  to={`/app/earnings/${encodeURIComponent(entry.id)}${search}`}
                  size="sm"
                  fw={600}
                  aria-label={t('earnings.entries.open', { date: format.date(entry.created_at) })}
                >
                  {format.date(entry.created_at)}
                </Anchor>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{dt(`earnings.kind.${entry.kind}`, humanize(entry.kind))}</Text>
              </Table.Td>
              <Table.Td>
                <EntryStatusBadge entry={entry} />
              </Table.Td>
              <Table.Td ta="right">
                <Text size="sm" fw={600} c={entry.amount_cents < 0 ? 'red.9' : undefined} data-testid="entry-amount">
                  {format.money(entry.amount_cents, entry.currency)}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{available(entry)}</Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{cause(entry)}</Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </TableFrame>
  );
}
