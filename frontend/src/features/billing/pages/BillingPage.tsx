import { Container, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { ListFrame } from '@/components/ListFrame';
import { useInvoices } from '../api/listInvoices';
import { InvoiceTable } from '../components/InvoiceTable';

/** /app/billing — "Billing and payments": every invoice and credit note. */
export default function BillingPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('billing.list.pageTitle'));
  const invoices = useInvoices();
  return (
    <Container size="lg" py="md">
      <Stack gap="lg">
        <Stack gap={4}>
          <Title order={1}>{t('billing.list.title')}</Title>
          <Text c="dimmed">{t('billing.list.lead')}</Text>
        </Stack>
        <ListFrame query={invoices} emptyTitle={t('billing.list.emptyTitle')} emptyText={t('billing.list.emptyText')}>
          <InvoiceTable invoices={invoices.items} />
        </ListFrame>
      </Stack>
    </Container>
  );
}
