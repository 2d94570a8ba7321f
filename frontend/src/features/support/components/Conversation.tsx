import { Badge, Group, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TicketMessage } from '@/lib/api/types';
import { useFormat } from '@/lib/format/useFormat';
import { displayName } from '@/lib/session/displayName';

/** The messages of a ticket, oldest first; support's are marked and set apart. */
export function Conversation({ messages }: { messages: TicketMessage[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Stack gap="sm" component="ol" p={0} m={0} style={{ listStyle: 'none' }} aria-label={t('support.ticket.conversation')}>
      {messages.map((message) => (
        <li key={message.id}>
          <Paper
            withBorder
            radius="md"
            p="md"
            ml={message.from_staff ? 0 : { base: 0, sm: 48 }}
            mr={message.from_staff ? { base: 0, sm: 48 } : 0}
            bg={message.from_staff ? 'blue.0' : undefined}
            style={message.from_staff ? { borderLeft: '4px solid var(--mantine-color-blue-8)' } : undefined}
            data-testid="ticket-message"
            data-from-staff={message.from_staff}
          >
            <Stack gap={6}>
              <Group gap="xs" justify="space-between">
                <Group gap="xs">
                  <Text fw={600} size="sm">
                    {displayName(message.author_name, t)}
                  </Text>
                  {message.from_staff && (
                    <Badge color="blue.8" variant="filled" size="sm">
                      {t('support.ticket.fromSupport')}
                    </Badge>
                  )}
                </Group>
                <Text size="xs" c="dimmed" component="time" dateTime={message.created_at}>
                  {format.dateTime(message.created_at)}
                </Text>
              </Group>
              <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                {message.body}
              </Text>
            </Stack>
          </Paper>
        </li>
      ))}
    </Stack>
  );
}
