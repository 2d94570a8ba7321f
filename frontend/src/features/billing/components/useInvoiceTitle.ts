import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { Invoice } from '../api/types';

/** "Invoice 2026-000001" or "Credit note 2026-000007". */
export function useInvoiceTitle(): (invoice: Pick<Invoice, 'kind' | 'number'>) => string {
  const { t } = useTranslation();
  return useCallback(
    (invoice) => (invoice.kind === 'credit_note' ? t('billing.creditNoteTitle', { number: invoice.number }) : t('billing.invoiceTitle', { number: invoice.number })),
    [t],
  );
}
