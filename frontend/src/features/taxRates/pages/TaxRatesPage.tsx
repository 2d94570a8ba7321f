import { Button, Stack } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '@/components/EmptyState';
import { ErrorState } from '@/components/ErrorState';
import { LoadingState } from '@/components/LoadingState';
import { PageHeader } from '@/components/PageHeader';
import { useTaxRates } from '../api/listTaxRates';
import type { TaxRate } from '../api/types';
import { DeleteTaxRateModal } from '../components/DeleteTaxRateModal';
import { TaxRateFormModal } from '../components/TaxRateFormModal';
import { TaxRateTable } from '../components/TaxRateTable';

type Dialog = { kind: 'form'; rate?: TaxRate } | { kind: 'delete'; rate: TaxRate };

export default function TaxRatesPage() {
  const { t } = useTranslation();
  const rates = useTaxRates();
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const close = () => setDialog(null);
  const add = () => setDialog({ kind: 'form' });

  let body;
  if (rates.isPending) body = <LoadingState />;
  else if (rates.isError) body = <ErrorState error={rates.error} onRetry={() => void rates.refetch()} />;
  else if (rates.data.data.length === 0) {
    body = (
      <EmptyState
        title={t('staffTaxRates.emptyTitle')}
        description={t('staffTaxRates.emptyText')}
        actions={<Button onClick={add}>{t('staffTaxRates.add')}</Button>}
      />
    );
  } else {
    body = (
      <TaxRateTable
        rates={rates.data.data}
        onEdit={(rate) => setDialog({ kind: 'form', rate })}
        onDelete={(rate) => setDialog({ kind: 'delete', rate })}
      />
    );
  }

  return (
    <Stack gap="lg">
      <PageHeader
        title={t('staffTaxRates.title')}
        description={t('staffTaxRates.description')}
        actions={rates.isSuccess && rates.data.data.length > 0 && <Button onClick={add}>{t('staffTaxRates.add')}</Button>}
      />
      {body}
      {dialog?.kind === 'form' && <TaxRateFormModal rate={dialog.rate} existing={rates.data?.data ?? []} onClose={close} />}
      {dialog?.kind === 'delete' && <DeleteTaxRateModal rate={dialog.rate} onClose={close} />}
    </Stack>
  );
}
