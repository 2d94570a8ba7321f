import { Anchor, Badge, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { humanize, useDynamicT } from '@/i18n/dynamic';
import type { Application } from '../api/types';
import { NO_SQUEEZE } from '@/components/badges';
import { useFormatters } from '@/lib/format/useFormatters';
import { StateBadge } from '@/components/StateBadge';
import { TableFrame } from '@/components/TableFrame';

/** The review queue: each applicant links to the application. */
export function ApplicationTable({ applications }: { applications: readonly Application[] }) {
  const { t } = useTranslation();
  const dt = useDynamicT();
  const { dateTime, number } = useFormatters();
  return (
    <TableFrame minWidth={760}>
      <Table striped highlightOnHover verticalSpacing="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('staffApplications.table.applicant')}</Table.Th>
            <Table.Th>{t('staffApplications.table.status')}</Table.Th>
            <Table.Th>{t('staffApplications.table.experience')}</Table.Th>
            <Table.Th>{t('staffApplications.table.usClients')}</Table.Th>
            <Table.Th>{t('staffApplications.table.country')}</Table.Th>
            <Table.Th>{t('staffApplications.table.submitted')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {applications.map((app) => (
            <Table.Tr key={app.id} data-testid="application-row">
              <Table.Td>
                <Anchor component={Link} to={`/admin/applications/${encodeURIComponent(app.id)}`} fw={600} size="sm">
                  {app.applicant?.full_name ?? app.id}
                </Anchor>
                <Text size="xs" c="dimmed">
                  {app.applicant?.email}
                </Text>
              </Table.Td>
              <Table.Td>
                <StateBadge status={app.status} />
                {app.invited && (
                  <Badge variant="outline" color="blue.8" tt="none" ml={6} styles={NO_SQUEEZE}>
                    {t('staffApplications.invited')}
                  </Badge>
                )}
              </Table.Td>
              <Table.Td>
                <Text size="sm">{dt(`staffApplications.experience.${app.m365_experience}`, humanize(app.m365_experience))}</Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{number(app.us_clients_served)}</Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{app.country}</Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{dateTime(app.created_at)}</Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </TableFrame>
  );
}
