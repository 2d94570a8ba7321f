import { Anchor, Button, Table, Text, VisuallyHidden } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ProblemAlert } from '@/components/ProblemAlert';
import { humanize, useDynamicT } from '@/i18n/dynamic';
import { useCloseSupportTicket } from '../api/closeSupportTicket';
import type { StaffTicket } from '../api/types';
import { useFormatters } from '@/lib/format/useFormatters';
import { ConfirmModal } from '@/components/ConfirmModal';
import { StateBadge } from '@/components/StateBadge';
import { TableFrame } from '@/components/TableFrame';

/** The ticket queue; the conversation (where staff reply) is the shared ticket page. */
export function TicketTable({ tickets }: { tickets: readonly StaffTicket[] }) {
  const { t } = useTranslation();
  const dt = useDynamicT();
  const { dateTime, number } = useFormatters();
  const close = useCloseSupportTicket();
  const [closing, setClosing] = useState<StaffTicket | null>(null);

  return (
    <>
      <ProblemAlert error={close.error} />
      <TableFrame minWidth={820} stickyActions>
        <Table striped highlightOnHover verticalSpacing="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('staffSupport.table.subject')}</Table.Th>
              <Table.Th>{t('staffSupport.table.requester')}</Table.Th>
              <Table.Th>{t('staffSupport.table.category')}</Table.Th>
              <Table.Th>{t('staffSupport.table.status')}</Table.Th>
              <Table.Th ta="right">{t('staffSupport.table.messages')}</Table.Th>
              <Table.Th>{t('staffSupport.table.updated')}</Table.Th>
              <Table.Th>
                <VisuallyHidden>{t('staffSupport.table.actions')}</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {tickets.map((ticket) => (
              <Table.Tr key={ticket.id} data-testid="ticket-row">
                <Table.Td>
                  <Anchor component={Link} to={`/app/support/${encodeURIComponent(ticket.id)}`} fw={600} size="sm">
                    {ticket.subject}
                  </Anchor>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{ticket.requester.full_name}</Text>
                  <Text size="xs" c="dimmed">
                    {ticket.requester.email}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{dt(`staffSupport.categories.${ticket.category}`, humanize(ticket.category))}</Text>
                </Table.Td>
                <Table.Td>
                  <StateBadge status={ticket.status} />
                </Table.Td>
                <Table.Td ta="right">
                  <Text size="sm">{number(ticket.message_count)}</Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{dateTime(ticket.updated_at)}</Text>
                </Table.Td>
                <Table.Td>
                  {ticket.status !== 'closed' && (
                    <Button
                      size="xs"
                      variant="outline"
                      color="gray.8"
                      aria-label={t('staffSupport.close.buttonFor', { subject: ticket.subject })}
                      onClick={() => {
                        close.reset();
                        setClosing(ticket);
                      }}
                    >
                      {t('staffSupport.close.button')}
                    </Button>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </TableFrame>
      <ConfirmModal
        opened={closing !== null}
        onClose={() => setClosing(null)}
        title={t('staffSupport.close.title')}
        confirmLabel={t('staffSupport.close.confirm')}
        loading={close.isPending}
        onConfirm={() => {
          if (!closing) return;
          close.mutate(closing.id, {
            onSuccess: (ticket) =>
              notifications.show({
                message: t('staffSupport.close.done', { subject: ticket.subject }),
                color: 'green.9',
                closeButtonProps: { 'aria-label': t('app.close') },
              }),
            onSettled: () => setClosing(null),
          });
        }}
      >
        <Text>{t('staffSupport.close.text', { subject: closing?.subject ?? '' })}</Text>
      </ConfirmModal>
    </>
  );
}
