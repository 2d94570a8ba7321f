import { Anchor, Divider, Group, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { countryName } from '@/lib/countries';
import { useFormat } from '@/lib/format/useFormat';
import type { Invoice } from '../api/types';
import { InvoiceStatusBadge } from './InvoiceStatusBadge';
import { useInvoiceTitle } from './useInvoiceTitle';
import classes from './invoice.module.css';

/** The invoice as a document: who bills whom, the lines, tax and totals. Prints on its own. */
export function InvoiceDocument({ invoice }: { invoice: Invoice }) {
  const { t } = useTranslation();
  const { money, date, bps, number, locale } = useFormat();
  const title = useInvoiceTitle();
  const cur = invoice.currency;
  return (
    <Paper withBorder radius="md" p={{ base: 'md', sm: 'xl' }} className={classes.document} data-testid="invoice-document">
      <Stack gap="lg">
        <Group justify="space-between" align="flex-start">
          <Stack gap={4}>
            <Title order={1} size="h2">
              {title(invoice)}
            </Title>
            <Text size="sm">{t('billing.document.issued', { date: date(invoice.issued_at) })}</Text>
            {invoice.credits_invoice_id && invoice.credits_invoice_number && (
              <Text size="sm">
                {t('billing.document.credits')}{' '}
                <Anchor component={Link} to={`/app/billing/invoices/${encodeURIComponent(invoice.credits_invoice_id)}`} size="sm">
                  {invoice.credits_invoice_number}
                </Anchor>
              </Text>
            )}
          </Stack>
          <InvoiceStatusBadge status={invoice.status} />
        </Group>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Stack gap={2}>
            <Text size="xs" c="dimmed" tt="uppercase" fw={700}>
              {t('billing.document.from')}
            </Text>
            <Text fw={600}>{t('app.name')}</Text>
          </Stack>
          <Stack gap={2} data-testid="bill-to">
            <Text size="xs" c="dimmed" tt="uppercase" fw={700}>
              {t('billing.document.billTo')}
            </Text>
            <Text fw={600}>{invoice.bill_to.name}</Text>
            <Text size="sm">{invoice.bill_to.email}</Text>
            {invoice.bill_to.address && (
              <Text size="sm" style={{ whiteSpace: 'pre-line' }}>
                {invoice.bill_to.address}
              </Text>
            )}
            {invoice.bill_to.country && <Text size="sm">{countryName(invoice.bill_to.country, locale)}</Text>}
          </Stack>
        </SimpleGrid>
        <Table.ScrollContainer minWidth={560}>
          <Table verticalSpacing="xs" data-testid="invoice-lines">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('billing.document.description')}</Table.Th>
                <Table.Th ta="right">{t('billing.document.quantity')}</Table.Th>
                <Table.Th ta="right">{t('billing.document.unit')}</Table.Th>
                <Table.Th ta="right">{t('billing.document.amount')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {invoice.lines.map((line, i) => (
                <Table.Tr key={`${i}:${line.description}`}>
                  <Table.Td>
                    <Text size="sm">{line.description}</Text>
                    {line.period_start && line.period_end && (
                      <Text size="xs" c="dimmed">
                        {t('billing.document.period', { from: date(line.period_start), to: date(line.period_end) })}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td ta="right">{number(line.quantity)}</Table.Td>
                  <Table.Td ta="right">{money(line.unit_amount_cents, cur)}</Table.Td>
                  <Table.Td ta="right">{money(line.amount_cents, cur)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        <Divider />
        <Stack gap={4} ml="auto" w={{ base: '100%', sm: 320 }} data-testid="invoice-totals">
          <Group justify="space-between">
            <Text size="sm">{t('billing.document.subtotal')}</Text>
            <Text size="sm">{money(invoice.subtotal_cents, cur)}</Text>
          </Group>
          <Group justify="space-between">
            <Text size="sm">{invoice.tax_rate_bps > 0 ? t('billing.document.tax', { rate: bps(invoice.tax_rate_bps) }) : t('billing.document.noTax')}</Text>
            <Text size="sm">{money(invoice.tax_cents, cur)}</Text>
          </Group>
          <Group justify="space-between">
            <Text fw={700}>{t('billing.document.total')}</Text>
            <Text fw={700}>{money(invoice.total_cents, cur)}</Text>
          </Group>
        </Stack>
      </Stack>
    </Paper>
  );
}
