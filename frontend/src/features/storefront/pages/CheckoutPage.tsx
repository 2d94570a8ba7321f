import { Alert, Button, Container, Grid, Group, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { EmptyState } from '@/components/EmptyState';
import { ErrorState } from '@/components/ErrorState';
import { LoadingState } from '@/components/LoadingState';
import { Section } from '@/components/Section';
import { useIsAuthenticated } from '@/lib/api/tokens';
import { useBuyer } from '../api/session';
import { InlineAuth } from '../components/InlineAuth';
import { OrderSummary } from '../components/OrderSummary';
import { PaymentForm } from '../components/PaymentForm';
import { loadCart } from '../lib/cart';
import { storedReferral } from '../lib/referral';

/** /checkout — the cart, then who buys (sign up or log in right here), then payment. */
export default function CheckoutPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('checkout.pageTitle'));
  const [cart] = useState(loadCart);
  const [referral] = useState(() => storedReferral());

  return (
    <Container size="lg" py="xl">
      <Stack gap="lg">
        <Title order={1}>{t('checkout.title')}</Title>
        {cart === null ? (
          <EmptyState
            title={t('checkout.emptyTitle')}
            description={t('checkout.emptyText')}
            actions={
              <Button component={Link} to="/plans">
                {t('checkout.toPlans')}
              </Button>
            }
          />
        ) : (
          <Grid gap="lg">
            <Grid.Col span={{ base: 12, md: 5 }} order={{ base: 1, md: 2 }}>
              <OrderSummary cart={cart} creditedTo={referral?.displayName ?? null} />
            </Grid.Col>
            <Grid.Col span={{ base: 12, md: 7 }} order={{ base: 2, md: 1 }}>
              <Section id="buyer-title" title={t('checkout.account.title')}>
                <Buyer>
                  <PaymentForm cart={cart} referralCode={referral?.code ?? null} />
                </Buyer>
              </Section>
            </Grid.Col>
          </Grid>
        )}
      </Stack>
    </Container>
  );
}

/** Renders the payment step for a signed-in customer (or a freelancer buying for a client);
 * otherwise what it takes to become one. */
function Buyer({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const authenticated = useIsAuthenticated();
  const buyer = useBuyer();

  if (!authenticated) {
    return (
      <Stack gap="sm">
        <Text size="sm">{t('checkout.account.lead')}</Text>
        <InlineAuth />
      </Stack>
    );
  }
  if (buyer.isPending) return <LoadingState />;
  if (buyer.isError) return <ErrorState error={buyer.error} onRetry={() => void buyer.refetch()} />;
  const me = buyer.data;
  return (
    <Stack gap="md">
      <Group gap="xs" data-testid="buyer">
        <Text size="sm">{t('checkout.account.signedInAs', { name: me.full_name, email: me.email })}</Text>
      </Group>
      {me.roles.includes('freelancer') && (
        <Alert color="blue" variant="light" title={t('checkout.account.freelancerTitle')} data-testid="freelancer-buyer">
          {t('checkout.account.freelancerText')}
        </Alert>
      )}
      {me.roles.includes('customer') || me.roles.includes('freelancer') ? (
        <>
          <Title order={3} size="h5">
            {t('checkout.payment.title')}
          </Title>
          {children}
        </>
      ) : (
        <Alert color="yellow" variant="light" title={t('checkout.account.notCustomerTitle')} data-testid="not-customer">
          {t('checkout.account.notCustomerText')}
        </Alert>
      )}
    </Stack>
  );
}
