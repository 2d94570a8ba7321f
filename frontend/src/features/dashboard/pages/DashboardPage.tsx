import { Container, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { Navigate } from 'react-router';
import { ErrorState } from '@/components/ErrorState';
import type { GateState } from '@/components/GateNotice';
import { LoadingState } from '@/components/LoadingState';
import { isApiError } from '@/lib/api/problem';
import { gateRedirect } from '@/lib/programme/steps';
import { useDashboard } from '../api/getDashboard';
import { DashboardView } from '../components/DashboardView';

export default function DashboardPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('dashboard.pageTitle'));
  const dashboard = useDashboard();

  // Not eligible yet: on to the next missing step, which explains why it came there.
  if (dashboard.isError && isApiError(dashboard.error) && dashboard.error.code === 'not_eligible') {
    const missingSteps = dashboard.error.problem.missing_steps ?? [];
    const state: GateState = { gate: { missingSteps } };
    return <Navigate to={gateRedirect(missingSteps)} replace state={state} />;
  }

  return (
    <Container size="lg" py="md">
      <Stack gap="lg">
        <Stack gap={4}>
          <Text tt="uppercase" fw={700} size="xs" c="blue.9">
            {t('dashboard.eyebrow')}
          </Text>
          <Title order={1}>{t('dashboard.title')}</Title>
        </Stack>
        {dashboard.isPending && <LoadingState />}
        {dashboard.isError && <ErrorState error={dashboard.error} onRetry={() => void dashboard.refetch()} />}
        {dashboard.data && <DashboardView dashboard={dashboard.data} />}
      </Stack>
    </Container>
  );
}
