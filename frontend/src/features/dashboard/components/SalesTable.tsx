import { Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { SubscriptionStatusBadge } from '@/components/SubscriptionStatusBadge';
import { TableFrame } from '@/components/TableFrame';
import { humanize, useDynamicT } from '@/i18n/dynamic';
import { useFormat } from '@/lib/format/useFormat';
import type { ReferredSubscription } from '../api/types';

/** Subscriptions sold through the link: when, what, how many seats, status and value. */
export function SalesTable({ subscriptions }: { subscriptions: readonly ReferredSubscription[] }) {
  const { t } = useTranslation();
  const dt = useDynamicT();
  const format = useFormat();
  return (
    <TableFrame minWidth={760} label={t('sales.title')}>
      <Table striped verticalSpacing="sm" data-testid="sales">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('sales.table.date')}</Table.Th>
            <Table.Th>{t('sales.table.plan')}</Table.Th>
            <Table.Th ta="right">{t('sales.table.seats')}</Table.Th>
            <Table.Th>{t('sales.table.term')}</Table.Th>
            <Table.Th ta="right">{t('sales.table.value')}</Table.Th>
            <Table.Th>{t('sales.table.status')}</Table.Th>
            <Table.Th>{t('sales.table.termEnd')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {subscriptions.map((s) => (
            <Table.Tr key={s.id} data-testid="sale-row">
              <Table.Td>{format.date(s.created_at)}</Table.Td>
              <Table.Td>
                <Text size="sm" fw={600}>
                  {s.plan_name}
                </Text>
              </Table.Td>
              <Table.Td ta="right">{format.number(s.seats)}</Table.Td>
              <Table.Td>{dt(`subscriptions.term.${s.billing_term}`, humanize(s.billing_term))}</Table.Td>
              <Table.Td ta="right">{format.money(s.unit_price_cents * s.seats, s.currency)}</Table.Td>
              <Table.Td>
                <SubscriptionStatusBadge status={s.status} />
              </Table.Td>
              <Table.Td>{format.date(s.current_term_end)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </TableFrame>
  );
}
