import { Anchor, Button, Container, Group, Paper, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { EmptyState } from '@/components/EmptyState';
import { ErrorState } from '@/components/ErrorState';
import { LoadingState } from '@/components/LoadingState';
import { humanize, useDynamicT } from '@/i18n/dynamic';
import type { TicketStatus } from '@/lib/api/types';
import { useFormat } from '@/lib/format/useFormat';
import { useMyTickets } from '../api/listMyTickets';
import { TicketStatusBadge } from '../components/TicketStatusBadge';

const FILTERS = ['all', 'open', 'answered', 'closed'] as const;
type Filter = (typeof FILTERS)[number];

export default function SupportListPage() {
  const { t } = useTranslation();
  const dt = useDynamicT();
  const format = useFormat();
  useDocumentTitle(t('support.list.pageTitle'));
  // The filter lives in the URL, so a filtered list can be reloaded and shared.
  const [params, setParams] = useSearchParams();
  const raw = params.get('status');
  const filter: Filter = (FILTERS as readonly string[]).includes(raw ?? '') ? (raw as Filter) : 'all';
  const tickets = useMyTickets(filter === 'all' ? null : (filter as TicketStatus));
  const items = tickets.data?.pages.flatMap((page) => page.data) ?? [];

  return (
    <Container size="md" py="md">
      <Stack gap="lg">
        <Group justify="space-between" align="flex-end">
          <Stack gap={4}>
            <Title order={1}>{t('support.list.title')}</Title>
            <Text c="dimmed">{t('support.list.lead')}</Text>
          </Stack>
          <Button component={Link} to="/app/support/new">
            {t('support.list.new')}
          </Button>
        </Group>
        <Stack gap={6}>
          <Text size="sm" fw={500} id="ticket-filter-label">
            {t('support.list.filterLabel')}
          </Text>
          <SegmentedControl
            aria-labelledby="ticket-filter-label"
            value={filter}
            onChange={(value) => setParams(value === 'all' ? {} : { status: value }, { replace: true })}
            data={FILTERS.map((f) => ({ value: f, label: t(`support.list.filter.${f}`) }))}
            w="fit-content"
            maw="100%"
          />
        </Stack>
        {tickets.isPending && <LoadingState />}
        {tickets.isError && <ErrorState error={tickets.error} onRetry={() => void tickets.refetch()} />}
        {tickets.isSuccess && items.length === 0 && (
          <EmptyState
            title={filter === 'all' ? t('support.list.emptyTitle') : t('support.list.emptyFilteredTitle')}
            description={filter === 'all' ? t('support.list.emptyText') : t('support.list.emptyFilteredText')}
          />
        )}
        {items.length > 0 && (
          <Stack gap="sm" component="ul" p={0} m={0} style={{ listStyle: 'none' }} aria-label={t('support.list.listLabel')}>
            {items.map((ticket) => (
              <li key={ticket.id}>
                <Paper withBorder radius="md" p="md" data-testid="ticket-row">
                  <Group justify="space-between" wrap="nowrap" align="flex-start" gap="sm">
                    <Stack gap={4} style={{ minWidth: 0 }}>
                      <Anchor component={Link} to={`/app/support/${ticket.id}`} fw={600} style={{ overflowWrap: 'anywhere' }}>
                        {ticket.subject}
                      </Anchor>
                      <Text size="sm" c="dimmed">
                        {dt(`support.category.${ticket.category}`, humanize(ticket.category))} ·{' '}
                        {t('support.list.messages', { count: ticket.message_count })} ·{' '}
                        {t('support.list.updated', { date: format.dateTime(ticket.updated_at) })}
                      </Text>
                    </Stack>
                    <TicketStatusBadge status={ticket.status} />
                  </Group>
                </Paper>
              </li>
            ))}
          </Stack>
        )}
        {tickets.hasNextPage && (
          <Button variant="default" w="fit-content" onClick={() => void tickets.fetchNextPage()} loading={tickets.isFetchingNextPage}>
            {t('support.list.loadMore')}
          </Button>
        )}
      </Stack>
    </Container>
  );
}
