import { Alert, Button, Container, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { EmptyState } from '@/components/EmptyState';
import { ErrorState } from '@/components/ErrorState';
import { GateNotice } from '@/components/GateNotice';
import { LoadingState } from '@/components/LoadingState';
import type { FreelancerSummary } from '@/lib/api/types';
import { useCurrentUser } from '@/lib/session/currentUser';
import { useMyProfile } from '../api/getMyProfile';
import { useMyTaxForm } from '../api/getMyTaxForm';
import { Wizard } from '../components/Wizard';
import type { WizardStep } from '../wizard';

/** /app/onboarding (the wizard) and /app/onboarding/terms (the same, opened at the terms). */
export default function OnboardingPage({ requested }: { requested?: WizardStep }) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const freelancer = me.freelancer;
  const termsOnly = requested === 'terms' || freelancer?.onboarding_required === false;
  useDocumentTitle(termsOnly ? t('onboarding.termsPageTitle') : t('onboarding.pageTitle'));

  return (
    <Container size="md" py="md">
      <Stack gap="lg">
        <GateNotice />
        <Stack gap={4}>
          <Title order={1} id="onboarding-title" tabIndex={-1} style={{ outline: 'none' }}>
            {termsOnly ? t('onboarding.termsTitle') : t('onboarding.title')}
          </Title>
          <Text c="dimmed">{termsOnly ? t('onboarding.termsLead') : t('onboarding.lead')}</Text>
        </Stack>
        {freelancer ? (
          <OnboardingContent freelancer={freelancer} requested={requested} />
        ) : (
          <EmptyState title={t('home.freelancer.noProfileTitle')} description={t('home.freelancer.noProfileText')} />
        )}
      </Stack>
    </Container>
  );
}

function OnboardingContent({ freelancer, requested }: { freelancer: FreelancerSummary; requested?: WizardStep }) {
  const { t } = useTranslation();
  const profile = useMyProfile();
  const taxForm = useMyTaxForm(freelancer.onboarding_required);

  // Onboarding follows an approved application.
  if (freelancer.missing_steps.includes('application') || freelancer.missing_steps.includes('approval')) {
    const applied = !freelancer.missing_steps.includes('application');
    return (
      <Alert color="blue" variant="light" title={t('onboarding.gate.title')} data-testid="onboarding-gate">
        <Stack gap="sm" align="flex-start">
          <Text size="sm">{applied ? t('onboarding.gate.waiting') : t('onboarding.gate.apply')}</Text>
          <Button component={Link} to="/app/application" size="sm">
            {applied ? t('onboarding.gate.seeApplication') : t('onboarding.gate.toApplication')}
          </Button>
        </Stack>
      </Alert>
    );
  }
  if (profile.isPending || (freelancer.onboarding_required && taxForm.isPending)) return <LoadingState />;
  if (profile.isError) return <ErrorState error={profile.error} onRetry={() => void profile.refetch()} />;
  if (taxForm.isError) return <ErrorState error={taxForm.error} onRetry={() => void taxForm.refetch()} />;
  return (
    <Wizard
      key={requested ?? 'wizard'}
      freelancer={freelancer}
      profile={profile.data}
      taxForm={taxForm.data ?? null}
      requested={requested}
    />
  );
}
