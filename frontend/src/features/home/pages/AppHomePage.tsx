import { Badge, Container, Group, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '@/components/EmptyState';
import { humanize, useDynamicT } from '@/i18n/dynamic';
import { useCurrentUser } from '@/lib/session/currentUser';
import { FreelancerStatusCard } from '../components/FreelancerStatusCard';
import { NextStepCard } from '../components/NextStepCard';

export default function AppHomePage() {
  const { t } = useTranslation();
  const dt = useDynamicT();
  useDocumentTitle(t('home.pageTitle'));
  const me = useCurrentUser();
  const isFreelancer = me.roles.includes('freelancer');

  return (
    <Container size="lg" py="md">
      <Stack gap="lg">
        <Stack gap="xs">
          <Title order={1}>{t('home.welcome', { name: me.full_name })}</Title>
          <Group gap="xs" aria-label={t('home.rolesLabel')} role="list">
            {me.roles.map((role) => (
              <Badge key={role} variant="light" role="listitem">
                {dt(`roles.${role}`, humanize(role))}
              </Badge>
            ))}
          </Group>
          <Text c="dimmed" size="sm">
            {me.email}
          </Text>
        </Stack>

        {isFreelancer &&
          (me.freelancer ? (
            <>
              <NextStepCard freelancer={me.freelancer} />
              <FreelancerStatusCard freelancer={me.freelancer} />
            </>
          ) : (
            <EmptyState title={t('home.freelancer.noProfileTitle')} description={t('home.freelancer.noProfileText')} />
          ))}

        {!isFreelancer && <EmptyState title={t('home.emptyTitle')} description={t('home.emptyText')} />}
      </Stack>
    </Container>
  );
}
