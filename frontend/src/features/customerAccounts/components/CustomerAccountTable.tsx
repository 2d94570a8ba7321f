import { Anchor, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { StateBadge } from '@/components/StateBadge';
import { TableFrame } from '@/components/TableFrame';
import { countryName } from '@/lib/countries';
import { useFormatters } from '@/lib/format/useFormatters';
import type { CustomerAccount } from '../api/types';
import { DomainKind } from './DomainKind';

/** The review queue: each account links to its detail page. */
export function CustomerAccountTable({ accounts }: { accounts: readonly CustomerAccount[] }) {
  const { t, i18n } = useTranslation();
  const { dateTime } = useFormatters();
  const locale = i18n.resolvedLanguage ?? 'en';
  return (
    <TableFrame minWidth={860}>
      <Table striped highlightOnHover verticalSpacing="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('staffCustomerAccounts.table.account')}</Table.Th>
            <Table.Th>{t('staffCustomerAccounts.table.owner')}</Table.Th>
            <Table.Th>{t('staffCustomerAccounts.table.domain')}</Table.Th>
            <Table.Th>{t('staffCustomerAccounts.table.country')}</Table.Th>
            <Table.Th>{t('staffCustomerAccounts.table.status')}</Table.Th>
            <Table.Th>{t('staffCustomerAccounts.table.submitted')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {accounts.map((account) => (
            <Table.Tr key={account.id} data-testid="customer-account-row">
              <Table.Td>
                <Anchor component={Link} to={`/admin/customer-accounts/${encodeURIComponent(account.id)}`} fw={600} size="sm">
                  {account.account_name}
                </Anchor>
              </Table.Td>
              <Table.Td>
                {account.owner ? (
                  <>
                    <Text size="sm">{account.owner.full_name}</Text>
                    <Text size="xs" c="dimmed">
                      {account.owner.email}
                    </Text>
                  </>
                ) : (
                  <Text size="sm">—</Text>
                )}
              </Table.Td>
              <Table.Td>
                <DomainKind account={account} />
              </Table.Td>
              <Table.Td>
                <Text size="sm">{countryName(account.address.country, locale)}</Text>
              </Table.Td>
              <Table.Td>
                <StateBadge status={account.status} />
              </Table.Td>
              <Table.Td>
                <Text size="sm">{dateTime(account.created_at)}</Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </TableFrame>
  );
}
