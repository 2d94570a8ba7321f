import { Anchor, Blockquote, Button, Container, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { EmptyState } from '@/components/EmptyState';
import { ErrorState } from '@/components/ErrorState';
import { LoadingState } from '@/components/LoadingState';
import { StatusBadge, type StatusTone } from '@/components/StatusBadge';
import { humanize, useDynamicT } from '@/i18n/dynamic';
import type { Appeal } from '@/lib/api/types';
import { useFormat } from '@/lib/format/useFormat';
import { useMyAppeals } from '../api/listMyAppeals';

const TONES: Record<string, StatusTone> = {
  submitted: 'info',
  in_review: 'warning',
  upheld: 'success',
  denied: 'danger',
};

export default function AppealsPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('appeals.pageTitle'));
  const appeals = useMyAppeals();
  const items = appeals.data?.pages.flatMap((page) => page.data) ?? [];

  return (
    <Container size="md" py="md">
      <Stack gap="lg">
        <Stack gap={4}>
          <Title order={1}>{t('appeals.title')}</Title>
          <Text c="dimmed">{t('appeals.lead')}</Text>
        </Stack>
        {appeals.isPending && <LoadingState />}
        {appeals.isError && <ErrorState error={appeals.error} onRetry={() => void appeals.refetch()} />}
        {appeals.isSuccess && items.length === 0 && (
          <EmptyState
            title={t('appeals.emptyTitle')}
            description={t('appeals.emptyText')}
            actions={
              <Button component={Link} to="/app/application" variant="default">
                {t('appeals.toApplication')}
              </Button>
            }
          />
        )}
        {items.length > 0 && (
          <Stack gap="md" component="ul" p={0} m={0} style={{ listStyle: 'none' }} aria-label={t('appeals.listLabel')}>
            {items.map((appeal) => (
              <li key={appeal.id}>
                <AppealCard appeal={appeal} />
              </li>
            ))}
          </Stack>
        )}
        {appeals.hasNextPage && (
          <Button variant="default" onClick={() => void appeals.fetchNextPage()} loading={appeals.isFetchingNextPage} w="fit-content">
            {t('appeals.loadMore')}
          </Button>
        )}
      </Stack>
    </Container>
  );
}

function AppealCard({ appeal }: { appeal: Appeal }) {
  const { t } = useTranslation();
  const dt = useDynamicT();
  const format = useFormat();
  return (
    <Paper withBorder radius="md" p="lg" data-testid="appeal">
      <Stack gap="sm">
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <Stack gap={2}>
            <Title order={2} size="h4">
              {dt(`appeals.subject.${appeal.subject_type}`, humanize(appeal.subject_type))}
            </Title>
            <Text size="sm" c="dimmed">
              {t('appeals.sentOn', { date: format.dateTime(appeal.created_at) })}
              {appeal.decided_at && ` · ${t('appeals.decidedOn', { date: format.dateTime(appeal.decided_at) })}`}
            </Text>
          </Stack>
          <StatusBadge
            tone={TONES[appeal.status] ?? 'neutral'}
            label={dt(`appeals.status.${appeal.status}`, humanize(appeal.status))}
            testId="appeal-status"
          />
        </Group>
        <div>
          <Text size="sm" fw={600}>
            {t('appeals.yourExplanation')}
          </Text>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {appeal.explanation}
          </Text>
        </div>
        {appeal.reviewer_note && (
          <Blockquote color="blue" p="sm" radius="md" data-testid="reviewer-note" cite={t('appeals.reviewerNote')}>
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {appeal.reviewer_note}
            </Text>
          </Blockquote>
        )}
        {appeal.subject_type === 'application' && (
          <Anchor component={Link} to="/app/application" size="sm">
            {t('appeals.seeApplication')}
          </Anchor>
        )}
      </Stack>
    </Paper>
  );
}
