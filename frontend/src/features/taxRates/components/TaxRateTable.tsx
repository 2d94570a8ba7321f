import { Button, Group, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { TableFrame } from '@/components/TableFrame';
import { countryName } from '@/lib/countries';
import { useFormat } from '@/lib/format/useFormat';
import type { TaxRate } from '../api/types';

interface TaxRateTableProps {
  rates: readonly TaxRate[];
  onEdit: (rate: TaxRate) => void;
  onDelete: (rate: TaxRate) => void;
}

/** Country → rate and the label invoices print, sorted by the country's name. */
export function TaxRateTable({ rates, onEdit, onDelete }: TaxRateTableProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const collator = new Intl.Collator(format.locale);
  const rows = rates
    .map((rate) => ({ rate, name: countryName(rate.country, format.locale) }))
    .sort((a, b) => collator.compare(a.name, b.name));
  return (
    <TableFrame minWidth={680} stickyActions>
      <Table striped verticalSpacing="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('staffTaxRates.table.country')}</Table.Th>
            <Table.Th ta="right">{t('staffTaxRates.table.rate')}</Table.Th>
            <Table.Th>{t('staffTaxRates.table.label')}</Table.Th>
            <Table.Th>{t('staffTaxRates.table.updated')}</Table.Th>
            <Table.Th>{t('staffTaxRates.table.actions')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map(({ rate, name }) => (
            <Table.Tr key={rate.country} data-testid="tax-rate-row">
              <Table.Td>
                <Text size="sm" fw={600}>
                  {name}
                </Text>
                <Text size="xs" c="dimmed">
                  {rate.country}
                </Text>
              </Table.Td>
              <Table.Td ta="right">
                <Text size="sm">{format.bps(rate.rate_bps)}</Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{rate.label}</Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{format.dateTime(rate.updated_at)}</Text>
              </Table.Td>
              <Table.Td>
                <Group gap="xs" wrap="nowrap">
                  <Button size="xs" variant="default" onClick={() => onEdit(rate)} aria-label={t('staffTaxRates.editLabel', { country: name })}>
                    {t('staffTaxRates.edit')}
                  </Button>
                  <Button
                    size="xs"
                    variant="outline"
                    color="red.9"
                    onClick={() => onDelete(rate)}
                    aria-label={t('staffTaxRates.deleteLabel', { country: name })}
                  >
                    {t('staffTaxRates.delete.button')}
                  </Button>
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </TableFrame>
  );
}
