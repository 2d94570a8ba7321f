import { Anchor, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { humanize, useDynamicT } from '@/i18n/dynamic';
import type { FreelancerView } from '../api/types';
import { useFormatters } from '@/lib/format/useFormatters';
import { StateBadge } from '@/components/StateBadge';
import { TableFrame } from '@/components/TableFrame';

/** Freelancers; each name links to the freelancer's page. */
export function FreelancerTable({ freelancers }: { freelancers: readonly FreelancerView[] }) {
  const { t } = useTranslation();
  const dt = useDynamicT();
  const { dateTime } = useFormatters();
  return (
    <TableFrame minWidth={720}>
      <Table striped highlightOnHover verticalSpacing="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('staffFreelancers.table.name')}</Table.Th>
            <Table.Th>{t('staffFreelancers.table.status')}</Table.Th>
            <Table.Th>{t('staffFreelancers.table.tier')}</Table.Th>
            <Table.Th>{t('staffFreelancers.table.onboarding')}</Table.Th>
            <Table.Th>{t('staffFreelancers.table.joined')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {freelancers.map((fl) => (
            <Table.Tr key={fl.id} data-testid="freelancer-row">
              <Table.Td>
                <Anchor component={Link} to={`/admin/freelancers/${encodeURIComponent(fl.id)}`} fw={600} size="sm">
                  {fl.full_name}
                </Anchor>
                <Text size="xs" c="dimmed">
                  {fl.email}
                </Text>
              </Table.Td>
              <Table.Td>
                <StateBadge status={fl.status} />
              </Table.Td>
              <Table.Td>
                <Text size="sm">{dt(`staffFreelancers.tiers.${fl.tier}`, humanize(fl.tier))}</Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">
                  {fl.onboarding_required ? t('staffFreelancers.onboardingFull') : t('staffFreelancers.onboardingTermsOnly')}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{dateTime(fl.created_at)}</Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </TableFrame>
  );
}
