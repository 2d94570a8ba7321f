import { Button, Group, Table, Text, VisuallyHidden } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '@/components/ProblemAlert';
import { humanize, useDynamicT } from '@/i18n/dynamic';
import { useResendInvitation } from '../api/resendInvitation';
import { useRevokeInvitation } from '../api/revokeInvitation';
import type { Invitation, IssuedInvitation } from '../api/types';
import { useFormatters } from '@/lib/format/useFormatters';
import { ConfirmModal } from '@/components/ConfirmModal';
import { StateBadge } from '@/components/StateBadge';
import { TableFrame } from '@/components/TableFrame';

interface InvitationTableProps {
  invitations: readonly Invitation[];
  onIssued: (issued: IssuedInvitation) => void;
}

/** Invitations with Re-send and Revoke for those still waiting to be used. */
export function InvitationTable({ invitations, onIssued }: InvitationTableProps) {
  const { t } = useTranslation();
  const dt = useDynamicT();
  const { dateTime } = useFormatters();
  const resend = useResendInvitation();
  const revoke = useRevokeInvitation();
  const [revoking, setRevoking] = useState<Invitation | null>(null);
  const error = resend.error ?? revoke.error;

  return (
    <>
      <ProblemAlert error={error} />
      <TableFrame minWidth={760} stickyActions>
        <Table striped highlightOnHover verticalSpacing="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('staffInvitations.table.email')}</Table.Th>
              <Table.Th>{t('staffInvitations.table.kind')}</Table.Th>
              <Table.Th>{t('staffInvitations.table.status')}</Table.Th>
              <Table.Th>{t('staffInvitations.table.expires')}</Table.Th>
              <Table.Th>{t('staffInvitations.table.sent')}</Table.Th>
              <Table.Th>
                <VisuallyHidden>{t('staffInvitations.table.actions')}</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {invitations.map((inv) => (
              <Table.Tr key={inv.id} data-testid="invitation-row">
                <Table.Td>
                  <Text size="sm" fw={500}>
                    {inv.email}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{dt(`staffInvitations.kindShort.${inv.kind}`, humanize(inv.kind))}</Text>
                </Table.Td>
                <Table.Td>
                  <StateBadge status={inv.status} />
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{dateTime(inv.expires_at)}</Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{dateTime(inv.last_sent_at)}</Text>
                  <Text size="xs" c="dimmed">
                    {t('staffInvitations.table.sendCount', { count: inv.send_count })}
                  </Text>
                </Table.Td>
                <Table.Td>
                  {inv.status === 'sent' && (
                    <Group gap="xs" wrap="nowrap" justify="flex-end">
                      <Button
                        size="xs"
                        variant="default"
                        loading={resend.isPending && resend.variables === inv.id}
                        aria-label={t('staffInvitations.actions.resendFor', { email: inv.email })}
                        onClick={() => {
                          revoke.reset();
                          resend.mutate(inv.id, { onSuccess: onIssued });
                        }}
                      >
                        {t('staffInvitations.actions.resend')}
                      </Button>
                      <Button
                        size="xs"
                        variant="outline"
                        color="red.9"
                        aria-label={t('staffInvitations.actions.revokeFor', { email: inv.email })}
                        onClick={() => {
                          resend.reset();
                          revoke.reset();
                          setRevoking(inv);
                        }}
                      >
                        {t('staffInvitations.actions.revoke')}
                      </Button>
                    </Group>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </TableFrame>
      <ConfirmModal
        opened={revoking !== null}
        onClose={() => setRevoking(null)}
        title={t('staffInvitations.revoke.title')}
        confirmLabel={t('staffInvitations.actions.revoke')}
        color="red.9"
        loading={revoke.isPending}
        onConfirm={() => {
          if (!revoking) return;
          revoke.mutate(revoking.id, { onSettled: () => setRevoking(null) });
        }}
      >
        <Text>{t('staffInvitations.revoke.text', { email: revoking?.email ?? '' })}</Text>
      </ConfirmModal>
    </>
  );
}
