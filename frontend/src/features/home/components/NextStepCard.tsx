import { Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { FreelancerSummary } from '@/lib/api/types';
import { nextAction } from '@/lib/programme/steps';

/** The one thing the freelancer should do now, computed from /me's missing steps. */
export function NextStepCard({ freelancer }: { freelancer: FreelancerSummary }) {
  const { t } = useTranslation();
  const action = nextAction(freelancer);
  const done = action.kind === 'dashboard';

  return (
    <Paper
      withBorder
      p="lg"
      radius="md"
      component="section"
      aria-labelledby="next-step-title"
      data-testid="next-step"
      bg={done ? 'teal.0' : 'blue.0'}
    >
      <Stack gap="xs">
        <Text tt="uppercase" fw={700} size="xs" c={done ? 'teal.9' : 'blue.9'}>
          {done ? t('dashboard.next.readyEyebrow') : t('dashboard.next.eyebrow')}
        </Text>
        <Title order={2} size="h3" id="next-step-title">
          {t(`dashboard.next.${action.kind}.title`)}
        </Title>
        <Text>{t(`dashboard.next.${action.kind}.text`)}</Text>
        <Group mt="xs">
          <Button component={Link} to={action.to}>
            {t(`dashboard.next.${action.kind}.cta`)}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
