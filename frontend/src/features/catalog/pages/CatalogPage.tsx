import { Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '@/components/EmptyState';
import { ErrorState } from '@/components/ErrorState';
import { LoadingState } from '@/components/LoadingState';
import { PageHeader } from '@/components/PageHeader';
import { useCatalog } from '../api/getCatalog';
import type { AdminPlan, AdminProduct } from '../api/types';
import { PlanFormModal } from '../components/PlanFormModal';
import { PlanStatusModal } from '../components/PlanStatusModal';
import { ProductFormModal } from '../components/ProductFormModal';
import { ProductPlans } from '../components/ProductPlans';

type Dialog =
  | { kind: 'product' }
  | { kind: 'plan'; product: AdminProduct; plan?: AdminPlan }
  | { kind: 'status'; plan: AdminPlan };

export default function CatalogPage() {
  const { t } = useTranslation();
  const catalog = useCatalog();
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const close = () => setDialog(null);

  let body;
  if (catalog.isPending) body = <LoadingState />;
  else if (catalog.isError) body = <ErrorState error={catalog.error} onRetry={() => void catalog.refetch()} />;
  else if (catalog.data.products.length === 0) {
    body = <EmptyState title={t('staffCatalog.emptyTitle')} description={t('staffCatalog.emptyText')} />;
  } else {
    body = catalog.data.products.map((product) => (
      <Paper key={product.id} withBorder p="lg" radius="md" component="section" aria-labelledby={`product-${product.id}`}>
        <Stack gap="md">
          <Group justify="space-between" align="flex-start" gap="sm">
            <div>
              <Title order={2} size="h4" id={`product-${product.id}`}>
                {product.name}
              </Title>
              <Text size="sm" c="dimmed">
                {t('staffCatalog.product.by', { vendor: product.vendor })}
              </Text>
            </div>
            <Button variant="default" onClick={() => setDialog({ kind: 'plan', product })}>
              {t('staffCatalog.plan.addButton')}
            </Button>
          </Group>
          <ProductPlans
            plans={product.plans}
            onEdit={(plan) => setDialog({ kind: 'plan', product, plan })}
            onToggle={(plan) => setDialog({ kind: 'status', plan })}
          />
        </Stack>
      </Paper>
    ));
  }

  return (
    <Stack gap="lg">
      <PageHeader
        title={t('staffCatalog.title')}
        description={t('staffCatalog.description')}
        actions={<Button onClick={() => setDialog({ kind: 'product' })}>{t('staffCatalog.product.addButton')}</Button>}
      />
      {body}
      {dialog?.kind === 'product' && <ProductFormModal onClose={close} />}
      {dialog?.kind === 'plan' && <PlanFormModal product={dialog.product} plan={dialog.plan} onClose={close} />}
      {dialog?.kind === 'status' && <PlanStatusModal plan={dialog.plan} onClose={close} />}
    </Stack>
  );
}
