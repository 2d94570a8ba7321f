import { Alert, Button, Container, Stack, Text } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { ErrorState } from '@/components/ErrorState';
import { LoadingState } from '@/components/LoadingState';
import { NoticeCard } from '@/components/NoticeCard';
import { ProblemAlert } from '@/components/ProblemAlert';
import { VerifyEmailBanner } from '@/components/VerifyEmailBanner';
import { isApiError } from '@/lib/api/problem';
import { useIsAuthenticated } from '@/lib/api/tokens';
import type { InvitationCheck } from '@/lib/api/types';
import { useFormat } from '@/lib/format/useFormat';
import { useAcceptInvitation } from '../api/acceptInvitation';
import { useInvitation } from '../api/checkInvitation';

function Frame({ title, tone = 'default', children }: { title: string; tone?: 'default' | 'problem'; children: ReactNode }) {
  return (
    <NoticeCard title={title} tone={tone} testId="invitation">
      {children}
    </NoticeCard>
  );
}

export default function InvitationPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('invitation.pageTitle'));
  const { token = '' } = useParams();
  const invitation = useInvitation(token);

  if (invitation.isPending) return <LoadingState />;
  if (invitation.isError) {
    if (isApiError(invitation.error) && invitation.error.status === 404) {
      return (
        <Frame title={t('invitation.unknown.title')} tone="problem">
          <Text>{t('invitation.unknown.text')}</Text>
          <Button component={Link} to="/" variant="default" w="fit-content">
            {t('invitation.toLanding')}
          </Button>
        </Frame>
      );
    }
    return (
      <Container size={560} py="xl">
        <ErrorState error={invitation.error} onRetry={() => void invitation.refetch()} />
      </Container>
    );
  }
  return <InvitationState token={token} invitation={invitation.data} />;
}

function InvitationState({ token, invitation }: { token: string; invitation: InvitationCheck }) {
  const { t } = useTranslation();
  const format = useFormat();
  const authenticated = useIsAuthenticated();

  switch (invitation.status) {
    case 'valid':
      return (
        <Frame title={t('invitation.valid.title')}>
          <Text>{t('invitation.valid.text', { email: invitation.email })}</Text>
          <Text size="sm" c="dimmed">
            {t('invitation.valid.expires', { date: format.dateTime(invitation.expires_at) })}
          </Text>
          {authenticated ? (
            <AcceptInvitation token={token} />
          ) : (
            <SignedOutChoices token={token} invitation={invitation} />
          )}
        </Frame>
      );
    case 'expired':
      return (
        <Frame title={t('invitation.expired.title')} tone="problem">
          <Text>{t('invitation.expired.text', { date: format.dateTime(invitation.expires_at) })}</Text>
          <Button component={Link} to="/" variant="default" w="fit-content">
            {t('invitation.toLanding')}
          </Button>
        </Frame>
      );
    case 'used':
      return (
        <Frame title={t('invitation.used.title')} tone="problem">
          <Text>{t('invitation.used.text')}</Text>
          <Button component={Link} to={authenticated ? '/app/application' : '/login'} w="fit-content">
            {authenticated ? t('invitation.used.toApplication') : t('invitation.used.toLogin')}
          </Button>
        </Frame>
      );
    case 'revoked':
      return (
        <Frame title={t('invitation.revoked.title')} tone="problem">
          <Text>{t('invitation.revoked.text')}</Text>
          <Button component={Link} to="/" variant="default" w="fit-content">
            {t('invitation.toLanding')}
          </Button>
        </Frame>
      );
    default:
      return (
        <Frame title={t('invitation.unknown.title')} tone="problem">
          <Text>{t('invitation.unknown.text')}</Text>
        </Frame>
      );
  }
}

function SignedOutChoices({ token, invitation }: { token: string; invitation: InvitationCheck }) {
  const { t } = useTranslation();
  const register = `/register?${new URLSearchParams({ invitation: token, email: invitation.email })}`;
  const login = `/login?${new URLSearchParams({ next: `/invitations/${token}` })}`;
  // Internal invitations go to people who already have an account here.
  const internal = invitation.kind === 'internal';
  return (
    <Stack gap="sm" mt="xs">
      <Button component={Link} to={internal ? login : register} variant="filled">
        {internal ? t('invitation.valid.haveAccount') : t('invitation.valid.createAccount')}
      </Button>
      <Button component={Link} to={internal ? register : login} variant="default">
        {internal ? t('invitation.valid.createAccount') : t('invitation.valid.haveAccount')}
      </Button>
    </Stack>
  );
}

function AcceptInvitation({ token }: { token: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const accept = useAcceptInvitation();
  const unverified = isApiError(accept.error) && accept.error.code === 'email_not_verified';
  return (
    <Stack gap="sm" mt="xs">
      <Alert color="blue" variant="light">
        {t('invitation.valid.signedInText')}
      </Alert>
      <VerifyEmailBanner force={unverified} />
      {!unverified && <ProblemAlert error={accept.error} />}
      <Button
        loading={accept.isPending}
        onClick={() => accept.mutate(token, { onSuccess: () => void navigate('/app/application') })}
      >
        {t('invitation.valid.accept')}
      </Button>
    </Stack>
  );
}
