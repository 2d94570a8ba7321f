import { Group, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '@/components/EmptyState';
import { ErrorState } from '@/components/ErrorState';
import { LoadingState } from '@/components/LoadingState';
import { Section } from '@/components/Section';
import { TableFrame } from '@/components/TableFrame';
import { useFormat } from '@/lib/format/useFormat';
import { useForecast } from '../api/getForecast';

/** Commission expected from the renewals of the next 90 days. */
export function ForecastCard() {
  const { t } = useTranslation();
  const format = useFormat();
  const forecast = useForecast();
  return (
    <Section id="forecast-title" title={t('earnings.forecast.title')}>
      {forecast.isPending && <LoadingState />}
      {forecast.isError && <ErrorState error={forecast.error} onRetry={() => void forecast.refetch()} />}
      {forecast.data && (
        <Stack gap="sm">
          <Group gap="xs" align="baseline">
            <Text fz={24} fw={700} data-testid="forecast-total">
              {format.money(forecast.data.total_cents, forecast.data.currency)}
            </Text>
            <Text size="sm" c="dimmed">
              {t('earnings.forecast.hint', { count: forecast.data.days })}
            </Text>
          </Group>
          {forecast.data.items.length === 0 ? (
            <EmptyState title={t('earnings.forecast.emptyTitle')} description={t('earnings.forecast.emptyText', { count: forecast.data.days })} />
          ) : (
            <TableFrame minWidth={520} label={t('earnings.forecast.tableLabel')}>
              <Table verticalSpacing="xs" data-testid="forecast-items">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('earnings.forecast.renewsOn')}</Table.Th>
                    <Table.Th>{t('earnings.forecast.plan')}</Table.Th>
                    <Table.Th ta="right">{t('earnings.forecast.renewal')}</Table.Th>
                    <Table.Th ta="right">{t('earnings.forecast.commission')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {forecast.data.items.map((item) => (
                    <Table.Tr key={item.subscription_id}>
                      <Table.Td>{format.date(item.renews_on)}</Table.Td>
                      <Table.Td>
                        {item.plan_name} · {t('earnings.cause.seats', { count: item.seats })} · {t(`earnings.forecast.term.${item.billing_term}`)}
                      </Table.Td>
                      <Table.Td ta="right">{format.money(item.renewal_total_cents, forecast.data.currency)}</Table.Td>
                      <Table.Td ta="right">{format.money(item.commission_cents, forecast.data.currency)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </TableFrame>
          )}
        </Stack>
      )}
    </Section>
  );
}
