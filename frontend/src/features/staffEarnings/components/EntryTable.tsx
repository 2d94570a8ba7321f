import { Anchor, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { EarningCause } from '@/components/EarningCause';
import { EarningKindLabel } from '@/components/EarningKindLabel';
import { StateBadge } from '@/components/StateBadge';
import { TableFrame } from '@/components/TableFrame';
import { useAvailableText } from '@/lib/earnings/cause';
import { useFormat } from '@/lib/format/useFormat';
import type { EarningEntry } from '../api/types';
import { entryPath } from '../lib/paths';

/** Ledger entries, newest first, each with its cause; the date opens the entry's timeline. */
export function EntryTable({ freelancerId, entries }: { freelancerId: string; entries: readonly EarningEntry[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  const availableText = useAvailableText();
  return (
    <TableFrame minWidth={900}>
      <Table striped highlightOnHover verticalSpacing="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('staffEarnings.table.created')}</Table.Th>
            <Table.Th>{t('staffEarnings.table.kind')}</Table.Th>
            <Table.Th>{t('staffEarnings.table.cause')}</Table.Th>
            <Table.Th>{t('staffEarnings.table.status')}</Table.Th>
            <Table.Th>{t('staffEarnings.table.availableAt')}</Table.Th>
            <Table.Th ta="right">{t('staffEarnings.table.amount')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {entries.map((entry) => (
            <Table.Tr key={entry.id} data-testid="earning-row">
              <Table.Td>
                <Anchor component={Link} to={entryPath(freelancerId, entry.id)} size="sm" fw={600}>
                  {format.dateTime(entry.created_at)}
                </Anchor>
              </Table.Td>
              <Table.Td>
                <EarningKindLabel entry={entry} />
              </Table.Td>
              <Table.Td maw={320}>
                <EarningCause entry={entry} />
                {entry.reason && (
                  <Text size="xs" c="dimmed" lineClamp={2}>
                    {entry.reason}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                <StateBadge status={entry.status} />
              </Table.Td>
              <Table.Td>
                <Text size="sm">
                  {availableText(entry)}
                </Text>
              </Table.Td>
              <Table.Td ta="right">
                <Text size="sm" fw={600} c={entry.amount_cents < 0 ? 'red.9' : undefined} style={{ whiteSpace: 'nowrap' }}>
                  {format.money(entry.amount_cents, entry.currency)}
                </Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </TableFrame>
  );
}
