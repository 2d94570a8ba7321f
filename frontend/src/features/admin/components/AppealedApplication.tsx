import { Anchor, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorState } from '@/components/ErrorState';
import { LoadingState } from '@/components/LoadingState';
import { useApplication } from '../api/getApplication';
import { ApplicationDecision } from './ApplicationDecision';
import { StatusBadge } from './StatusBadge';

/** The application an appeal is about: its status and the decision under appeal. */
export function AppealedApplication({ id }: { id: string }) {
  const { t } = useTranslation();
  const query = useApplication(id);
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
        <StatusBadge status={query.data.status} />
      </Group>
      <ApplicationDecision decision={query.data.decision} />
      {link}
    </Stack>
  );
}
