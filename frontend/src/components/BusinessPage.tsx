import { Container, Group, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate } from 'react-router';
import type { GateState } from '@/components/GateNotice';
import { gateRedirect, notEligibleSteps } from '@/lib/programme/steps';

interface BusinessPageProps {
  /** The document title. */
  pageTitle: string;
  title: string;
  lead?: string;
  actions?: ReactNode;
  /** The page's main query error: a 403 `not_eligible` sends the freelancer to the next missing step. */
  error?: unknown;
  children: ReactNode;
}

/** A page under "My Business" (dashboard, subscriptions, earnings), open to eligible freelancers only. */
export function BusinessPage({ pageTitle, title, lead, actions, error, children }: BusinessPageProps) {
  const { t } = useTranslation();
  useDocumentTitle(pageTitle);
  const missingSteps = notEligibleSteps(error);
  if (missingSteps) {
    // Not eligible yet: on to the next missing step, which explains why it came there.
    const state: GateState = { gate: { missingSteps } };
    return <Navigate to={gateRedirect(missingSteps)} replace state={state} />;
  }
  return (
    <Container size="lg" py="md">
      <Stack gap="lg">
        <Group justify="space-between" align="flex-end">
          <Stack gap={4}>
            <Text tt="uppercase" fw={700} size="xs" c="blue.9">
              {t('dashboard.eyebrow')}
            </Text>
            <Title order={1}>{title}</Title>
            {lead && <Text c="dimmed">{lead}</Text>}
          </Stack>
          {actions}
        </Group>
        {children}
      </Stack>
    </Container>
  );
}
