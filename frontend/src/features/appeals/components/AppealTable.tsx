import { Anchor, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { humanize, useDynamicT } from '@/i18n/dynamic';
import type { Appeal } from '../api/types';
import { useFormatters } from '@/lib/format/useFormatters';
import { StateBadge } from '@/components/StateBadge';
import { TableFrame } from '@/components/TableFrame';

/** The appeal queue: each appellant links to the appeal. */
export function AppealTable({ appeals }: { appeals: readonly Appeal[] }) {
  const { t } = useTranslation();
  const dt = useDynamicT();
  const { dateTime } = useFormatters();
  return (
    <TableFrame minWidth={680}>
      <Table striped highlightOnHover verticalSpacing="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('staffAppeals.table.appellant')}</Table.Th>
            <Table.Th>{t('staffAppeals.table.subject')}</Table.Th>
            <Table.Th>{t('staffAppeals.table.status')}</Table.Th>
            <Table.Th>{t('staffAppeals.table.submitted')}</Table.Th>
            <Table.Th>{t('staffAppeals.table.decided')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {appeals.map((appeal) => (
            <Table.Tr key={appeal.id} data-testid="appeal-row">
              <Table.Td>
                <Anchor component={Link} to={`/admin/appeals/${encodeURIComponent(appeal.id)}`} fw={600} size="sm">
                  {appeal.freelancer_name ?? appeal.freelancer_id}
                </Anchor>
                <Text size="xs" c="dimmed">
                  {appeal.freelancer_email}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{dt(`staffAppeals.subjects.${appeal.subject_type}`, humanize(appeal.subject_type))}</Text>
              </Table.Td>
              <Table.Td>
                <StateBadge status={appeal.status} />
              </Table.Td>
              <Table.Td>
                <Text size="sm">{dateTime(appeal.created_at)}</Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{appeal.decided_at ? dateTime(appeal.decided_at) : '—'}</Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </TableFrame>
  );
}
