import { Anchor, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { TableFrame } from '@/components/TableFrame';
import { useFormat } from '@/lib/format/useFormat';
import type { Subscription } from '../api/types';
import { SubscriptionStatusBadge } from '@/components/SubscriptionStatusBadge';
import { useRenewalText } from './useRenewalText';

/** The customer's subscriptions: plan, users, billing, status and what happens next. */
export function SubscriptionTable({ subscriptions }: { subscriptions: readonly Subscription[] }) {
  const { t } = useTranslation();
  const { money, number } = useFormat();
  const renewal = useRenewalText();
  return (
    <TableFrame minWidth={760}>
      <Table striped highlightOnHover verticalSpacing="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('subscriptions.table.plan')}</Table.Th>
            <Table.Th ta="right">{t('subscriptions.table.seats')}</Table.Th>
            <Table.Th>{t('subscriptions.table.term')}</Table.Th>
            <Table.Th ta="right">{t('subscriptions.table.price')}</Table.Th>
            <Table.Th>{t('subscriptions.table.status')}</Table.Th>
            <Table.Th>{t('subscriptions.table.next')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {subscriptions.map((s) => (
            <Table.Tr key={s.id} data-testid="subscription-row">
              <Table.Td>
                <Anchor component={Link} to={`/app/subscriptions/${encodeURIComponent(s.id)}`} fw={600} size="sm">
                  {s.plan_name}
                </Anchor>
              </Table.Td>
              <Table.Td ta="right">
                <Text size="sm">{number(s.seats)}</Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{t(`subscriptions.term.${s.billing_term}`)}</Text>
              </Table.Td>
              <Table.Td ta="right">
                <Text size="sm">{money(s.unit_price_cents * s.seats, s.currency)}</Text>
              </Table.Td>
              <Table.Td>
                <SubscriptionStatusBadge status={s.status} />
              </Table.Td>
              <Table.Td>
                <Text size="sm">{renewal(s)}</Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </TableFrame>
  );
}
