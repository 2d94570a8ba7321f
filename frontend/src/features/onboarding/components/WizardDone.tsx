import { Button, Paper, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { FreelancerSummary } from '@/lib/api/types';
import { nextAction } from '@/lib/programme/steps';

function CheckIcon() {
  return (
    <svg width="28" height="28" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2.5" aria-hidden="true">
      <path d="M5 12.5l4.5 4.5L19 7.5" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}

/** The end of the wizard: the dashboard when eligible, else what is still missing. */
export function WizardDone({ freelancer }: { freelancer: FreelancerSummary }) {
  const { t } = useTranslation();
  const action = nextAction(freelancer);
  const eligible = action.kind === 'dashboard';
  return (
    <Paper withBorder radius="md" p="xl" bg={eligible ? 'teal.0' : undefined} data-testid="onboarding-done">
      <Stack align="center" ta="center" gap="sm">
        <ThemeIcon size={56} radius="xl" color={eligible ? 'teal.9' : 'blue.8'}>
          <CheckIcon />
        </ThemeIcon>
        <Title order={2}>{eligible ? t('onboarding.done.eligibleTitle') : t('onboarding.done.waitingTitle')}</Title>
        <Text maw={520}>{eligible ? t('onboarding.done.eligibleText') : t(`dashboard.next.${action.kind}.text`)}</Text>
        <Button component={Link} to={action.to} size="md" mt="xs">
          {eligible ? t('onboarding.done.openDashboard') : t(`dashboard.next.${action.kind}.cta`)}
        </Button>
      </Stack>
    </Paper>
  );
}
