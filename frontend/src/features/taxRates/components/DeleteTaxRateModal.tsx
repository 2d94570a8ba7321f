import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ConfirmModal } from '@/components/ConfirmModal';
import { useNotifySuccess } from '@/components/notifySuccess';
import { ProblemAlert } from '@/components/ProblemAlert';
import { countryName } from '@/lib/countries';
import { useDeleteTaxRate } from '../api/deleteTaxRate';
import type { TaxRate } from '../api/types';

/** Removes a country's rate after saying what that means for its invoices. */
export function DeleteTaxRateModal({ rate, onClose }: { rate: TaxRate; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const notify = useNotifySuccess();
  const remove = useDeleteTaxRate();
  const country = countryName(rate.country, i18n.resolvedLanguage ?? 'en');
  return (
    <ConfirmModal
      opened
      onClose={onClose}
      title={t('staffTaxRates.delete.title', { country })}
      confirmLabel={t('staffTaxRates.delete.confirm')}
      color="red.9"
      loading={remove.isPending}
      onConfirm={() =>
        remove.mutate(rate.country, {
          onSuccess: () => {
            notify(t('staffTaxRates.delete.done', { country }));
            onClose();
          },
        })
      }
    >
      <ProblemAlert error={remove.error} />
      <Text>{t('staffTaxRates.delete.text', { country })}</Text>
    </ConfirmModal>
  );
}
