import { Anchor, Group, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { StateBadge } from '@/components/StateBadge';
import { TableFrame } from '@/components/TableFrame';
import { useFormat } from '@/lib/format/useFormat';
import type { StaffSubscription } from '../api/types';
import { SelfReferralBadge } from './SelfReferralBadge';

/** Subscriptions with their customer, plan and referrer; each links to its detail. */
export function SubscriptionTable({ subscriptions }: { subscriptions: readonly StaffSubscription[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <TableFrame minWidth={900}>
      <Table striped highlightOnHover verticalSpacing="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('staffSubscriptions.table.customer')}</Table.Th>
            <Table.Th>{t('staffSubscriptions.table.plan')}</Table.Th>
            <Table.Th ta="right">{t('staffSubscriptions.table.seats')}</Table.Th>
            <Table.Th>{t('staffSubscriptions.table.status')}</Table.Th>
            <Table.Th>{t('staffSubscriptions.table.freelancer')}</Table.Th>
            <Table.Th>{t('staffSubscriptions.table.termEnd')}</Table.Th>
            <Table.Th>{t('staffSubscriptions.table.created')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {subscriptions.map((sub) => (
            <Table.Tr key={sub.id} data-testid="subscription-row">
              <Table.Td>
                <Anchor component={Link} to={`/admin/subscriptions/${encodeURIComponent(sub.id)}`} fw={600} size="sm">
                  {sub.customer.full_name}
                </Anchor>
                <Text size="xs" c="dimmed">
                  {sub.customer.email}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{sub.plan_name}</Text>
                <Text size="xs" c="dimmed">
                  {t(`staffSubscriptions.terms.${sub.billing_term}`)}
                </Text>
              </Table.Td>
              <Table.Td ta="right">
                <Text size="sm">{format.number(sub.seats)}</Text>
              </Table.Td>
              <Table.Td>
                <Group gap={6} wrap="nowrap">
                  <StateBadge status={sub.status} />
                  {sub.self_referral && <SelfReferralBadge />}
                </Group>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{sub.freelancer?.display_name ?? t('staffSubscriptions.noReferrer')}</Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{format.date(sub.current_term_end)}</Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{format.dateTime(sub.created_at)}</Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </TableFrame>
  );
}
