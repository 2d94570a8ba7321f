import { Anchor, Button, Container, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ErrorState } from '@/components/ErrorState';
import { LoadingState } from '@/components/LoadingState';
import { SuccessAlert } from '@/components/SuccessAlert';
import { isApiError } from '@/lib/api/problem';
import { useFormat } from '@/lib/format/useFormat';
import { usePurchase } from '../api/getPurchase';

/** /app/checkout/complete/:subscriptionId — paid: the invoice, and what comes next. */
export default function ConfirmationPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('checkout.complete.pageTitle'));
  const { money } = useFormat();
  const { subscriptionId = '' } = useParams();
  const purchase = usePurchase(subscriptionId);
  const notFound = isApiError(purchase.error) && purchase.error.status === 404;

  return (
    <Container size="sm" py="md">
      <Stack gap="lg">
        {notFound ? (
          // Another customer's purchase, or a mistyped link: a page of its own.
          <Stack gap="xs">
            <Title order={1}>{t('checkout.complete.notFoundTitle')}</Title>
            <Text c="dimmed">{t('checkout.complete.notFoundText')}</Text>
          </Stack>
        ) : (
          <Title order={1}>{t('checkout.complete.title')}</Title>
        )}
        {purchase.isPending && <LoadingState />}
        {purchase.isError && !notFound && <ErrorState error={purchase.error} onRetry={() => void purchase.refetch()} />}
        {purchase.data && (
          <>
            <SuccessAlert title={t('checkout.complete.paid')} data-testid="purchase-confirmed">
              <Stack gap={4}>
                <Text size="sm">
                  {t('checkout.complete.what', {
                    plan: purchase.data.subscription.plan_name,
                    count: purchase.data.subscription.seats,
                    billing: t(`storefront.billed.${purchase.data.subscription.billing_term}`),
                  })}
                </Text>
                {purchase.data.invoice ? (
                  <Text size="sm" data-testid="invoice-number">
                    {t('checkout.complete.invoice', {
                      number: purchase.data.invoice.number,
                      amount: money(purchase.data.invoice.total_cents, purchase.data.invoice.currency),
                    })}{' '}
                    <Anchor component={Link} to={`/app/billing/invoices/${encodeURIComponent(purchase.data.invoice.id)}`} size="sm">
                      {t('checkout.complete.viewInvoice')}
                    </Anchor>
                  </Text>
                ) : (
                  <Text size="sm">
                    <Anchor component={Link} to="/app/billing" size="sm">
                      {t('checkout.complete.invoices')}
                    </Anchor>
                  </Text>
                )}
                <Text size="sm">{t('checkout.complete.emailed')}</Text>
              </Stack>
            </SuccessAlert>
            <Paper withBorder radius="md" p="lg">
              <Stack gap="sm">
                <Title order={2} size="h4">
                  {t('checkout.complete.nextTitle')}
                </Title>
                <Text size="sm">{t('checkout.complete.nextText')}</Text>
                <Group gap="sm">
                  <Button component={Link} to="/app/account/setup">
                    {t('checkout.complete.setUp')}
                  </Button>
                  <Button component={Link} to={`/app/subscriptions/${encodeURIComponent(subscriptionId)}`} variant="default">
                    {t('checkout.complete.viewSubscription')}
                  </Button>
                </Group>
              </Stack>
            </Paper>
          </>
        )}
      </Stack>
    </Container>
  );
}
