import { Anchor, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorState } from '@/components/ErrorState';
import { LoadingState } from '@/components/LoadingState';
import { useAppealedApplication } from '../api/getAppealedApplication';
import { ApplicationDecision } from '@/components/ApplicationDecision';
import { StateBadge } from '@/components/StateBadge';

/** The application an appeal is about: its status and the decision under appeal. */
export function AppealedApplication({ id }: { id: string }) {
  const { t } = useTranslation();
  const query = useAppealedApplication(id);
  const link = (
    <Anchor component={Link} to={`/admin/applications/${encodeURIComponent(id)}`} fw={500}>
      {t('staffAppeals.detail.openApplication')}
    </Anchor>
  );
  if (query.isPending) return <LoadingState />;
  if (query.isError) {
    return (
      <Stack gap="xs">
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
        {link}
      </Stack>
    );
  }
  return (
    <Stack gap="sm">
      <Group gap="xs">
        <Text size="sm">{t('staffAppeals.detail.applicationStatus')}</Text>
        <StateBadge status={query.data.status} />
      </Group>
      <ApplicationDecision decision={query.data.decision} />
      {link}
    </Stack>
  );
}
