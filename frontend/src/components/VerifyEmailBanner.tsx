// Shown where a confirmed address is required (applying, accepting an invitation): says
// so before the server refuses, and sends a new link on request.
import { Alert, Button, Stack, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useContext } from 'react';
import { useTranslation } from 'react-i18next';
import type { Me } from '@/lib/api/types';
import { CURRENT_USER_QUERY_KEY, CurrentUserContext } from '@/lib/session/currentUser';
import { needsEmailVerification, useResendVerificationEmail } from '@/lib/session/emailVerification';
import { ProblemAlert } from './ProblemAlert';

interface VerifyEmailBannerProps {
  /** Show it even when /me is not at hand (a public page whose action answered email_not_verified). */
  force?: boolean;
}

/** "Please confirm your email address", with a resend button; nothing when confirmed. */
export function VerifyEmailBanner({ force = false }: VerifyEmailBannerProps) {
  const { t } = useTranslation();
  // Public pages (an invitation) have no user in context; /me may still be in the cache.
  const queryClient = useQueryClient();
  const me = useContext(CurrentUserContext) ?? queryClient.getQueryData<Me>(CURRENT_USER_QUERY_KEY) ?? null;
  const resend = useResendVerificationEmail();
  if (!force && !needsEmailVerification(me)) return null;
  return (
    <Alert color="yellow" variant="light" title={t('verifyEmail.banner.title')} data-testid="verify-email-banner">
      <Stack gap="sm">
        <Text size="sm">{me ? t('verifyEmail.banner.text', { email: me.email }) : t('verifyEmail.banner.textNoEmail')}</Text>
        {resend.isSuccess ? (
          <Text size="sm" fw={500} role="status">
            {t('verifyEmail.resent')}
          </Text>
        ) : (
          <Button size="xs" variant="default" w="fit-content" loading={resend.isPending} onClick={() => resend.mutate()}>
            {t('verifyEmail.resend')}
          </Button>
        )}
        {resend.isError && <ProblemAlert error={resend.error} />}
      </Stack>
    </Alert>
  );
}
