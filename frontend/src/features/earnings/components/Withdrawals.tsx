import { Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ListFrame } from '@/components/ListFrame';
import { TableFrame } from '@/components/TableFrame';
import { humanize, useDynamicT } from '@/i18n/dynamic';
import { useFormat } from '@/lib/format/useFormat';
import { useWithdrawals } from '../api/listWithdrawals';
import { WithdrawalStatusBadge } from './StatusBadges';

/** The freelancer's payouts with their outcome; a failed one says why. */
export function Withdrawals() {
  const { t } = useTranslation();
  const dt = useDynamicT();
  const format = useFormat();
  const withdrawals = useWithdrawals();
  return (
    <ListFrame query={withdrawals} emptyTitle={t('earnings.withdrawals.emptyTitle')} emptyText={t('earnings.withdrawals.emptyText')}>
      <TableFrame minWidth={680} label={t('earnings.withdrawals.tableLabel')}>
        <Table striped verticalSpacing="sm" data-testid="withdrawals">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('earnings.withdrawals.requested')}</Table.Th>
              <Table.Th ta="right">{t('earnings.withdrawals.amount')}</Table.Th>
              <Table.Th>{t('earnings.withdrawals.method')}</Table.Th>
              <Table.Th>{t('earnings.withdrawals.statusLabel')}</Table.Th>
              <Table.Th>{t('earnings.withdrawals.outcome')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {withdrawals.items.map((w) => (
              <Table.Tr key={w.id} data-testid="withdrawal-row" data-status={w.status}>
                <Table.Td>
                  <Text size="sm">{format.dateTime(w.requested_at)}</Text>
                </Table.Td>
                <Table.Td ta="right">
                  <Text size="sm" fw={600}>
                    {format.money(w.amount_cents, w.currency)}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{dt(`earnings.withdraw.methods.${w.payout_method}`, humanize(w.payout_method))}</Text>
                </Table.Td>
                <Table.Td>
                  <WithdrawalStatusBadge status={w.status} />
                </Table.Td>
                <Table.Td>
                  <Text size="sm" data-testid="withdrawal-outcome">
                    {w.status === 'failed'
                      ? t('earnings.withdrawals.failed', {
                          reason: w.failure_reason ?? dt(`earnings.withdrawals.failureCode.${w.failure_code ?? ''}`, humanize(w.failure_code ?? '')),
                        })
                      : w.decided_at
                        ? t('earnings.withdrawals.paidOn', { date: format.dateTime(w.decided_at) })
                        : t('earnings.withdrawals.inProgress')}
                  </Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </TableFrame>
    </ListFrame>
  );
}
