import { Anchor, Button, Table, Text, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { StateBadge } from '@/components/StateBadge';
import { TableFrame } from '@/components/TableFrame';
import { humanize, useDynamicT } from '@/i18n/dynamic';
import { useFormat } from '@/lib/format/useFormat';
import type { StaffWithdrawal } from '../api/types';
import { ledgerPath } from '../lib/paths';

interface WithdrawalTableProps {
  withdrawals: readonly StaffWithdrawal[];
  /** Retries a requested payout; `retrying` is the one under way. */
  onRetry: (withdrawal: StaffWithdrawal) => void;
  retrying: string | null;
}

/** Payout requests with their freelancer (linked to the ledger) and outcome. */
export function WithdrawalTable({ withdrawals, onRetry, retrying }: WithdrawalTableProps) {
  const { t } = useTranslation();
  const dt = useDynamicT();
  const format = useFormat();
  return (
    <TableFrame minWidth={900}>
      <Table striped highlightOnHover verticalSpacing="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('staffEarnings.withdrawals.freelancer')}</Table.Th>
            <Table.Th ta="right">{t('staffEarnings.table.amount')}</Table.Th>
            <Table.Th>{t('staffEarnings.table.status')}</Table.Th>
            <Table.Th>{t('staffEarnings.withdrawals.method')}</Table.Th>
            <Table.Th>{t('staffEarnings.withdrawals.requested')}</Table.Th>
            <Table.Th>{t('staffEarnings.withdrawals.decided')}</Table.Th>
            <Table.Th>
              <VisuallyHidden>{t('staffEarnings.withdrawals.actions')}</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {withdrawals.map((w) => (
            <Table.Tr key={w.id} data-testid="withdrawal-row">
              <Table.Td>
                <Anchor component={Link} to={ledgerPath(w.freelancer_id)} size="sm" fw={600}>
                  {w.freelancer_name}
                </Anchor>
                <Text size="xs" c="dimmed">
                  {w.freelancer_email ?? w.id}
                </Text>
              </Table.Td>
              <Table.Td ta="right">
                <Text size="sm" fw={600} style={{ whiteSpace: 'nowrap' }}>
                  {format.money(w.amount_cents, w.currency)}
                </Text>
              </Table.Td>
              <Table.Td>
                <StateBadge status={w.status} />
                {w.status === 'failed' && (w.failure_reason || w.failure_code) && (
                  <Text size="xs" c="dimmed" mt={4}>
                    {w.failure_reason ?? w.failure_code}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                <Text size="sm">{dt(`staffEarnings.withdrawals.methods.${w.payout_method}`, humanize(w.payout_method))}</Text>
                {w.attempts != null && w.attempts > 1 && (
                  <Text size="xs" c="dimmed">
                    {t('staffEarnings.withdrawals.attempts', { count: w.attempts })}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                <Text size="sm">{format.dateTime(w.requested_at)}</Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{w.decided_at ? format.dateTime(w.decided_at) : '—'}</Text>
              </Table.Td>
              <Table.Td>
                {w.status === 'requested' && (
                  <Button
                    size="xs"
                    variant="default"
                    loading={retrying === w.id}
                    disabled={retrying !== null && retrying !== w.id}
                    onClick={() => onRetry(w)}
                    aria-label={t('staffEarnings.withdrawals.retryLabel', { name: w.freelancer_name, amount: format.money(w.amount_cents, w.currency) })}
                  >
                    {t('staffEarnings.withdrawals.retry')}
                  </Button>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </TableFrame>
  );
}
