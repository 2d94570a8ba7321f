import { Badge, Group, List, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { humanize, useDynamicT } from '@/i18n/dynamic';
import type { FreelancerSummary } from '@/lib/api/types';

/** Where a freelancer stands in onboarding, from /me. */
export function FreelancerStatusCard({ freelancer }: { freelancer: FreelancerSummary }) {
  const { t } = useTranslation();
  const dt = useDynamicT();

  return (
    <Paper withBorder p="lg" radius="md" component="section" aria-labelledby="freelancer-status">
      <Stack gap="md">
        <Title order={2} size="h3" id="freelancer-status">
          {t('home.freelancer.title')}
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 3 }} component="dl" m={0}>
          <div>
            <Text component="dt" size="sm" c="dimmed">
              {t('home.freelancer.status')}
            </Text>
            <Text component="dd" m={0} fw={600} data-testid="freelancer-status">
              {dt(`freelancerStatus.${freelancer.status}`, humanize(freelancer.status))}
            </Text>
          </div>
          <div>
            <Text component="dt" size="sm" c="dimmed">
              {t('home.freelancer.tier')}
            </Text>
            <Text component="dd" m={0} fw={600}>
              {dt(`tiers.${freelancer.tier}`, humanize(freelancer.tier))}
            </Text>
          </div>
          <div>
            <Text component="dt" size="sm" c="dimmed">
              {t('home.freelancer.eligibility')}
            </Text>
            <Text component="dd" m={0}>
              <Badge color={freelancer.eligible ? 'teal.9' : 'yellow.4'} variant="filled" autoContrast>
                {freelancer.eligible ? t('home.freelancer.eligible') : t('home.freelancer.notEligible')}
              </Badge>
            </Text>
          </div>
        </SimpleGrid>
        {freelancer.missing_steps.length > 0 ? (
          <Stack gap="xs">
            <Title order={3} size="h5">
              {t('home.freelancer.missingSteps')}
            </Title>
            <List data-testid="missing-steps">
              {freelancer.missing_steps.map((step) => (
                <List.Item key={step}>{dt(`steps.${step}`, humanize(step))}</List.Item>
              ))}
            </List>
          </Stack>
        ) : (
          <Group>
            <Text>{t('home.freelancer.allStepsDone')}</Text>
          </Group>
        )}
      </Stack>
    </Paper>
  );
}
