import { Anchor, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { EarningFacts } from '@/components/EarningFacts';
import { EarningTimeline } from '@/components/EarningTimeline';
import { ErrorState } from '@/components/ErrorState';
import { LoadingState } from '@/components/LoadingState';
import { useAppealedEarning } from '../api/getAppealedEarning';

/** The ledger entry an earning appeal is about, with its timeline, beside the appeal. */
export function AppealedEarning({ freelancerId, entryId }: { freelancerId: string; entryId: string }) {
  const { t } = useTranslation();
  const query = useAppealedEarning(freelancerId, entryId);
  const link = (
    <Anchor
      component={Link}
      to={`/admin/freelancers/${encodeURIComponent(freelancerId)}/earnings/${encodeURIComponent(entryId)}`}
      fw={500}
    >
      {t('staffAppeals.detail.openEntry')}
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
  const { entry, timeline } = query.data;
  return (
    <Stack gap="md">
      <EarningFacts entry={entry} />
      <EarningTimeline items={timeline} currency={entry.currency} />
      {link}
    </Stack>
  );
}
