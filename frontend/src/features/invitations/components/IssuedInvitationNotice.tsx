import { Alert, Button, CopyButton, Group, Stack, Text, TextInput } from '@mantine/core';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { IssuedInvitation } from '../api/types';
import { useFormatters } from '@/lib/format/useFormatters';

/** The invitation link, shown once after creating or re-sending (the token is not stored readable). */
export function IssuedInvitationNotice({ issued, onDismiss }: { issued: IssuedInvitation; onDismiss: () => void }) {
  const { t } = useTranslation();
  const { dateTime } = useFormatters();
  const ref = useRef<HTMLDivElement>(null);
  // A re-send happens further down the page: bring the new link into view and focus.
  useEffect(() => {
    ref.current?.focus();
    ref.current?.scrollIntoView?.({ block: 'nearest' });
  }, [issued.token]);
  return (
    <Alert
      ref={ref}
      tabIndex={-1}
      color="blue"
      variant="light"
      title={t('staffInvitations.issued.title', { email: issued.invitation.email })}
      withCloseButton
      onClose={onDismiss}
      closeButtonLabel={t('app.close')}
      data-testid="issued-invitation"
    >
      <Stack gap="sm">
        <Text size="sm">{t('staffInvitations.issued.text', { date: dateTime(issued.expires_at) })}</Text>
        <Group gap="xs" align="flex-end" wrap="nowrap">
          <TextInput
            label={t('staffInvitations.issued.link')}
            value={issued.invite_url}
            readOnly
            onFocus={(event) => event.currentTarget.select()}
            style={{ flex: 1 }}
            styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
          />
          <CopyButton value={issued.invite_url}>
            {({ copied, copy }) => (
              <Button onClick={copy} color={copied ? 'teal.9' : undefined} miw={110}>
                {copied ? t('staffInvitations.issued.copied') : t('staffInvitations.issued.copy')}
              </Button>
            )}
          </CopyButton>
        </Group>
      </Stack>
    </Alert>
  );
}
