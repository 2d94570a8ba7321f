import { Button, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '@/components/ProblemAlert';
import { useDownloadInvoicePdf } from '../api/downloadInvoicePdf';
import type { Invoice } from '../api/types';

/** Print the page, or download the PDF the server renders. Not printed themselves. */
export function InvoiceActions({ invoice }: { invoice: Invoice }) {
  const { t } = useTranslation();
  const download = useDownloadInvoicePdf();
  return (
    <div data-print-hide>
      <ProblemAlert error={download.error} />
      <Group gap="sm">
        <Button variant="default" onClick={() => window.print()}>
          {t('billing.document.print')}
        </Button>
        <Button
          component="a"
          href={`/api/v1/customer/invoices/${encodeURIComponent(invoice.id)}/pdf`}
          loading={download.isPending}
          data-testid="invoice-pdf"
          onClick={(event) => {
            // The link needs the session's token: fetched here rather than followed.
            event.preventDefault();
            download.mutate({ id: invoice.id, fileName: `${invoice.number}.pdf` });
          }}
        >
          {t('billing.document.pdf')}
        </Button>
      </Group>
    </div>
  );
}
