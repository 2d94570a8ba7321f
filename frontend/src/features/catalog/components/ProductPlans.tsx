import { Badge, Button, Group, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { NO_SQUEEZE } from '@/components/badges';
import { TableFrame } from '@/components/TableFrame';
import { useFormat } from '@/lib/format/useFormat';
import type { AdminPlan } from '../api/types';

interface ProductPlansProps {
  plans: readonly AdminPlan[];
  onEdit: (plan: AdminPlan) => void;
  onToggle: (plan: AdminPlan) => void;
}

/** A product's plans: prices per seat for each term, commission, and whether it is sold. */
export function ProductPlans({ plans, onEdit, onToggle }: ProductPlansProps) {
  const { t } = useTranslation();
  const format = useFormat();
  if (plans.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {t('staffCatalog.noPlans')}
      </Text>
    );
  }
  return (
    <TableFrame minWidth={820} stickyActions>
      <Table striped verticalSpacing="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('staffCatalog.table.plan')}</Table.Th>
            <Table.Th ta="right">{t('staffCatalog.table.monthly')}</Table.Th>
            <Table.Th ta="right">{t('staffCatalog.table.yearly')}</Table.Th>
            <Table.Th ta="right">{t('staffCatalog.table.rate')}</Table.Th>
            <Table.Th>{t('staffCatalog.table.status')}</Table.Th>
            <Table.Th>{t('staffCatalog.table.actions')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {plans.map((plan) => (
            <Table.Tr key={plan.id} data-testid="plan-row" c={plan.active ? undefined : 'dimmed'}>
              <Table.Td>
                <Text size="sm" fw={600}>
                  {plan.name}
                </Text>
              </Table.Td>
              <Table.Td ta="right">
                <Text size="sm">{format.money(plan.monthly_price_cents, plan.currency)}</Text>
              </Table.Td>
              <Table.Td ta="right">
                <Text size="sm">{format.money(plan.yearly_price_cents, plan.currency)}</Text>
              </Table.Td>
              <Table.Td ta="right">
                <Text size="sm">{format.bps(plan.commission_rate_bps)}</Text>
              </Table.Td>
              <Table.Td>
                <Badge color={plan.active ? 'teal.9' : 'gray.7'} variant="filled" tt="none" styles={NO_SQUEEZE}>
                  {plan.active ? t('staffCatalog.onSale') : t('staffCatalog.retired')}
                </Badge>
              </Table.Td>
              <Table.Td>
                <Group gap="xs" wrap="nowrap">
                  <Button size="xs" variant="default" onClick={() => onEdit(plan)} aria-label={t('staffCatalog.editLabel', { name: plan.name })}>
                    {t('staffCatalog.edit')}
                  </Button>
                  <Button
                    size="xs"
                    variant="outline"
                    color={plan.active ? 'red.9' : 'teal.9'}
                    onClick={() => onToggle(plan)}
                    aria-label={plan.active ? t('staffCatalog.retireLabel', { name: plan.name }) : t('staffCatalog.reactivateLabel', { name: plan.name })}
                  >
                    {plan.active ? t('staffCatalog.retire.button') : t('staffCatalog.reactivate.button')}
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
