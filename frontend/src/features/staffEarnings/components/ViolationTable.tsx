import { Anchor, Code, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { TableFrame } from '@/components/TableFrame';
import { humanize, useDynamicT } from '@/i18n/dynamic';
import type { LedgerViolation } from '../api/types';
import { entryPath, ledgerPath } from '../lib/paths';

/** What `ledger verify` found wrong, each with the freelancer and entry it concerns. */
export function ViolationTable({ violations }: { violations: readonly LedgerViolation[] }) {
  const { t } = useTranslation();
  const dt = useDynamicT();
  return (
    <TableFrame minWidth={760}>
      <Table striped verticalSpacing="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('staffEarnings.verify.rule')}</Table.Th>
            <Table.Th>{t('staffEarnings.verify.detail')}</Table.Th>
            <Table.Th>{t('staffEarnings.withdrawals.freelancer')}</Table.Th>
            <Table.Th>{t('staffEarnings.verify.entry')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {violations.map((v, index) => (
            <Table.Tr key={`${v.code}-${v.freelancer_id ?? ''}-${v.entry_id ?? ''}-${index}`} data-testid="violation-row">
              <Table.Td>
                <Text size="sm" fw={600}>
                  {dt(`staffEarnings.verify.codes.${v.code}`, humanize(v.code))}
                </Text>
                <Code fz="xs">{v.code}</Code>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{v.detail}</Text>
              </Table.Td>
              <Table.Td>
                {v.freelancer_id ? (
                  <Anchor component={Link} to={ledgerPath(v.freelancer_id)} size="sm">
                    {v.freelancer_id}
                  </Anchor>
                ) : (
                  '—'
                )}
              </Table.Td>
              <Table.Td>
                {v.entry_id && v.freelancer_id ? (
                  <Anchor component={Link} to={entryPath(v.freelancer_id, v.entry_id)} size="sm">
                    {v.entry_id}
                  </Anchor>
                ) : (
                  (v.entry_id ?? '—')
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </TableFrame>
  );
}
