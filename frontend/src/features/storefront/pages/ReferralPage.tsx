import { Button, Container, Paper, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ErrorState } from '@/components/ErrorState';
import { LoadingState } from '@/components/LoadingState';
import { isApiError } from '@/lib/api/problem';
import { useReferral } from '../api/getReferral';
import { FreelancerBanner } from '../components/FreelancerBanner';
import { PlanChooser } from '../components/PlanChooser';
import { StorefrontFrame } from '../components/StorefrontFrame';
import { rememberReferral } from '../lib/referral';

/** /r/:code — a freelancer's referral link: their plans page, remembered for 30 days. */
export default function ReferralPage() {
  const { code = '' } = useParams();
  const referral = useReferral(code);
  const landing = referral.data;

  useEffect(() => {
    // Only a code the API knows replaces the remembered one.
    if (landing) rememberReferral(landing.code, landing.freelancer.display_name);
  }, [landing]);

  if (referral.isError && isApiError(referral.error) && referral.error.status === 404) return <ReferralNotFound />;
  return (
    <StorefrontFrame>
      {referral.isPending && <LoadingState />}
      {referral.isError && <ErrorState error={referral.error} onRetry={() => void referral.refetch()} />}
      {landing && (
        <>
          <FreelancerBanner name={landing.freelancer.display_name} photoUrl={landing.freelancer.photo_url} />
          <PlanChooser plans={landing.plans} backTo={`/r/${encodeURIComponent(landing.code)}`} />
        </>
      )}
    </StorefrontFrame>
  );
}

/** An unknown, disabled or no longer eligible code: say so, and still offer the plans. */
function ReferralNotFound() {
  const { t } = useTranslation();
  useDocumentTitle(t('storefront.notFound.pageTitle'));
  return (
    <Container size={560} py="xl">
      <Paper withBorder shadow="sm" p="xl" radius="md" data-testid="referral-not-found">
        <Stack gap="md">
          <Title order={1} size="h2">
            {t('storefront.notFound.title')}
          </Title>
          <Text>{t('storefront.notFound.text')}</Text>
          <Button component={Link} to="/plans" w="fit-content">
            {t('storefront.notFound.toPlans')}
          </Button>
        </Stack>
      </Paper>
    </Container>
  );
}
