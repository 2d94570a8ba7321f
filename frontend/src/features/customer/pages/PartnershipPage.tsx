import { Button, Container, List, Text } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { ErrorState } from '@/components/ErrorState';
import { LoadingState } from '@/components/LoadingState';
import { NoticeCard } from '@/components/NoticeCard';
import { ProblemAlert } from '@/components/ProblemAlert';
import { SuccessAlert } from '@/components/SuccessAlert';
import { isApiError } from '@/lib/api/problem';
import { useIsAuthenticated } from '@/lib/api/tokens';
import { useFormat } from '@/lib/format/useFormat';
import { useAcceptPartnership } from '../api/acceptPartnership';
import { usePartnershipInvitation } from '../api/getPartnershipInvitation';
import type { PartnershipAccepted, PartnershipInvitation } from '../api/types';

function Frame({ title, tone, children }: { title: string; tone?: 'problem'; children: ReactNode }) {
  return (
    <NoticeCard title={title} tone={tone} testId="partnership">
      {children}
    </NoticeCard>
  );
}

/** /partnership/:token — the emailed link: accept the reseller relationship for the account. */
export default function PartnershipPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('partnership.pageTitle'));
  const { token = '' } = useParams();
  const invitation = usePartnershipInvitation(token);
  const accept = useAcceptPartnership(token);

  if (accept.data) return <Accepted result={accept.data} />;
  if (invitation.isPending) return <LoadingState />;
  if (invitation.isError) {
    if (isApiError(invitation.error) && invitation.error.status === 404) {
      return (
        <Frame title={t('partnership.unknown.title')} tone="problem">
          <Text>{t('partnership.unknown.text')}</Text>
        </Frame>
      );
    }
    return (
      <Container size={560} py="xl">
        <ErrorState error={invitation.error} onRetry={() => void invitation.refetch()} />
      </Container>
    );
  }
  return <InvitationState token={token} invitation={invitation.data} accept={accept} />;
}

function InvitationState({
  token,
  invitation,
  accept,
}: {
  token: string;
  invitation: PartnershipInvitation;
  accept: ReturnType<typeof useAcceptPartnership>;
}) {
  const { t } = useTranslation();
  const { dateTime } = useFormat();
  const authenticated = useIsAuthenticated();
  const navigate = useNavigate();

  if (invitation.status === 'accepted') {
    return (
      <Frame title={t('partnership.accepted.title')}>
        <Text>{t('partnership.accepted.text', { account: invitation.account_name })}</Text>
        <Button component={Link} to="/app/subscriptions" w="fit-content">
          {t('partnership.toSubscriptions')}
        </Button>
      </Frame>
    );
  }
  if (invitation.status === 'superseded') {
    return (
      <Frame title={t('partnership.superseded.title')} tone="problem">
        <Text>{t('partnership.superseded.text')}</Text>
      </Frame>
    );
  }
  // The server says whether a pending link has expired (by its clock, not the browser's).
  if (invitation.expired) {
    return (
      <Frame title={t('partnership.expired.title')} tone="problem">
        <Text>{t('partnership.expired.text', { date: dateTime(invitation.expires_at) })}</Text>
        <Button component={Link} to="/app/support/new" variant="default" w="fit-content">
          {t('partnership.contactSupport')}
        </Button>
      </Frame>
    );
  }
  const login = `/login?${new URLSearchParams({ next: `/partnership/${token}` })}`;
  return (
    <Frame title={t('partnership.pending.title', { account: invitation.account_name })}>
      <Text>{t('partnership.pending.text', { account: invitation.account_name })}</Text>
      <List size="sm" spacing={4}>
        <List.Item>{t('partnership.pending.point1')}</List.Item>
        <List.Item>{t('partnership.pending.point2')}</List.Item>
        <List.Item>{t('partnership.pending.point3')}</List.Item>
      </List>
      <Text size="sm" c="dimmed">
        {t('partnership.pending.expires', { date: dateTime(invitation.expires_at) })}
      </Text>
      <ProblemAlert error={accept.error} />
      {!authenticated && <Text size="sm">{t('partnership.pending.signInFirst')}</Text>}
      <Button
        w="fit-content"
        loading={accept.isPending}
        onClick={() => (authenticated ? accept.mutate() : void navigate(login))}
        data-testid="accept-partnership"
      >
        {authenticated ? t('partnership.pending.accept') : t('partnership.pending.loginToAccept')}
      </Button>
    </Frame>
  );
}

function Accepted({ result }: { result: PartnershipAccepted }) {
  const { t } = useTranslation();
  return (
    <Frame title={t('partnership.done.title')}>
      <SuccessAlert title={t('partnership.done.alert', { account: result.account.account_name })} data-testid="partnership-accepted">
        {result.subscriptions.length > 0 ? t('partnership.done.activated') : t('partnership.done.noneActivated')}
      </SuccessAlert>
      {result.subscriptions.length > 0 && (
        <List spacing="xs" data-testid="activated-subscriptions">
          {result.subscriptions.map((s) => (
            <List.Item key={s.id}>
              <Link to={`/app/subscriptions/${encodeURIComponent(s.id)}`}>{s.plan_name}</Link>{' '}
              <Text span size="sm" c="dimmed">
                {t('partnership.done.seats', { count: s.seats })}
              </Text>
            </List.Item>
          ))}
        </List>
      )}
      <Button component={Link} to="/app/subscriptions" w="fit-content">
        {t('partnership.toSubscriptions')}
      </Button>
    </Frame>
  );
}
