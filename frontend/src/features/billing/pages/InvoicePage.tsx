import { Anchor, Container, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ErrorState } from '@/components/ErrorState';
import { LoadingState } from '@/components/LoadingState';
import { isApiError } from '@/lib/api/problem';
import { useInvoice } from '../api/getInvoice';
import { InvoiceActions } from '../components/InvoiceActions';
import { InvoiceDocument } from '../components/InvoiceDocument';
import { useInvoiceTitle } from '../components/useInvoiceTitle';

/** /app/billing/invoices/:id — the printable invoice (or credit note) with its PDF. */
export default function InvoicePage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const invoice = useInvoice(id);
  const title = useInvoiceTitle();
  useDocumentTitle(invoice.data ? t('billing.document.pageTitle', { title: title(invoice.data) }) : t('billing.list.pageTitle'));

  return (
    <Container size="md" py="md">
      <Stack gap="lg">
        <Anchor component={Link} to="/app/billing" size="sm" data-print-hide>
          {t('billing.document.back')}
        </Anchor>
        {invoice.isPending && <LoadingState />}
        {invoice.isError &&
          (isApiError(invoice.error) && invoice.error.status === 404 ? (
            <Stack gap="xs">
              <Title order={1}>{t('billing.document.notFoundTitle')}</Title>
              <Text c="dimmed">{t('billing.document.notFoundText')}</Text>
            </Stack>
          ) : (
            <ErrorState error={invoice.error} onRetry={() => void invoice.refetch()} />
          ))}
        {invoice.data && (
          <>
            <InvoiceActions invoice={invoice.data} />
            <InvoiceDocument invoice={invoice.data} />
          </>
        )}
      </Stack>
    </Container>
  );
}
