import { Anchor, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { TableFrame } from '@/components/TableFrame';
import { useFormat } from '@/lib/format/useFormat';
import type { Invoice } from '../api/types';
import { InvoiceStatusBadge } from './InvoiceStatusBadge';
import { useInvoiceTitle } from './useInvoiceTitle';

/** Invoices and credit notes: number, date, amount, status; each opens its printable page. */
export function InvoiceTable({ invoices }: { invoices: readonly Invoice[] }) {
  const { t } = useTranslation();
  const { money, date } = useFormat();
  const title = useInvoiceTitle();
  return (
    <TableFrame minWidth={640}>
      <Table striped highlightOnHover verticalSpacing="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('billing.table.document')}</Table.Th>
            <Table.Th>{t('billing.table.issued')}</Table.Th>
            <Table.Th ta="right">{t('billing.table.total')}</Table.Th>
            <Table.Th>{t('billing.table.status')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {invoices.map((invoice) => (
            <Table.Tr key={invoice.id} data-testid="invoice-row">
              <Table.Td>
                <Anchor component={Link} to={`/app/billing/invoices/${encodeURIComponent(invoice.id)}`} fw={600} size="sm">
                  {title(invoice)}
                </Anchor>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{date(invoice.issued_at)}</Text>
              </Table.Td>
              <Table.Td ta="right">
                <Text size="sm">{money(invoice.total_cents, invoice.currency)}</Text>
              </Table.Td>
              <Table.Td>
                <InvoiceStatusBadge status={invoice.status} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </TableFrame>
  );
}
