import { Alert, Anchor, Badge, Container, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ErrorState } from '@/components/ErrorState';
import { LoadingState } from '@/components/LoadingState';
import { humanize, useDynamicT } from '@/i18n/dynamic';
import { isApiError } from '@/lib/api/problem';
import { useFormat } from '@/lib/format/useFormat';
import { useTicket } from '../api/getTicket';
import { Conversation } from '../components/Conversation';
import { ReplyForm } from '../components/ReplyForm';
import { TicketStatusBadge } from '../components/TicketStatusBadge';

/** One ticket and its conversation; the requester and staff see the same page. */
export default function TicketPage() {
  const { t } = useTranslation();
  const dt = useDynamicT();
  const format = useFormat();
  const { id = '' } = useParams();
  const ticket = useTicket(id);
  useDocumentTitle(ticket.data ? t('support.ticket.pageTitle', { subject: ticket.data.subject }) : t('support.list.pageTitle'));

  return (
    <Container size="md" py="md">
      <Stack gap="lg">
        <Anchor component={Link} to="/app/support" size="sm">
          {t('support.backToList')}
        </Anchor>
        {ticket.isPending && <LoadingState />}
        {ticket.isError &&
          (isApiError(ticket.error) && ticket.error.status === 404 ? (
            // A page of its own (another person's ticket, a wrong link): it needs its heading.
            <Stack gap="xs">
              <Title order={1}>{t('support.ticket.notFoundTitle')}</Title>
              <Text c="dimmed">{t('support.ticket.notFoundText')}</Text>
            </Stack>
          ) : (
            <ErrorState error={ticket.error} onRetry={() => void ticket.refetch()} />
          ))}
        {ticket.data && (
          <>
            <Stack gap="xs">
              <Title order={1} style={{ overflowWrap: 'anywhere' }}>
                {ticket.data.subject}
              </Title>
              <Group gap="xs">
                <TicketStatusBadge status={ticket.data.status} />
                <Badge variant="outline" color="gray.7">
                  {dt(`support.category.${ticket.data.category}`, humanize(ticket.data.category))}
                </Badge>
              </Group>
              <Text size="sm" c="dimmed">
                {t('support.ticket.opened', {
                  date: format.dateTime(ticket.data.created_at),
                  name: ticket.data.requester.full_name,
                })}
              </Text>
            </Stack>
            <Conversation messages={ticket.data.messages ?? []} />
            {ticket.data.status === 'closed' ? (
              <Alert color="gray" variant="light" title={t('support.ticket.closedTitle')} data-testid="ticket-closed">
                <Text size="sm">
                  {t('support.ticket.closedText')}{' '}
                  <Anchor component={Link} to="/app/support/new" size="sm">
                    {t('support.ticket.newTicket')}
                  </Anchor>
                </Text>
              </Alert>
            ) : (
              <Paper withBorder radius="md" p={{ base: 'md', sm: 'lg' }}>
                <ReplyForm ticketId={ticket.data.id} />
              </Paper>
            )}
          </>
        )}
      </Stack>
    </Container>
  );
}
