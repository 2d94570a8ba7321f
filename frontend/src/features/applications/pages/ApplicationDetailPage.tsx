import { Alert, Anchor, Badge, Button, Group, Stack } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ErrorState } from '@/components/ErrorState';
import { LoadingState } from '@/components/LoadingState';
import { useApplication } from '../api/getApplication';
import { ApplicationAnswers } from '../components/ApplicationAnswers';
import { ApplicationDecision } from '@/components/ApplicationDecision';
import { ApproveModal } from '../components/ApproveModal';
import { Facts } from '@/components/Facts';
import { PageHeader } from '@/components/PageHeader';
import { RejectModal } from '../components/RejectModal';
import { Section } from '@/components/Section';
import { StateBadge } from '@/components/StateBadge';
import { useFormatters } from '@/lib/format/useFormatters';

export default function ApplicationDetailPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const query = useApplication(id);
  const { dateTime } = useFormatters();
  const [modal, setModal] = useState<'approve' | 'reject' | null>(null);
  const back = { to: '/admin/applications', label: t('staffApplications.back') };

  if (query.isPending) return <LoadingState />;
  if (query.isError) {
    return (
      <Stack>
        <PageHeader title={t('staffApplications.detail.title')} back={back} />
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      </Stack>
    );
  }

  const app = query.data;
  const name = app.applicant?.full_name ?? app.id;
  const done = (message: string) => () => {
    setModal(null);
    notifications.show({ message, color: 'green.9', closeButtonProps: { 'aria-label': t('app.close') } });
  };

  return (
    <Stack gap="lg">
      <PageHeader
        title={t('staffApplications.detail.heading', { name })}
        back={back}
        actions={
          app.status === 'submitted' && (
            <Group gap="sm">
              <Button color="teal.9" onClick={() => setModal('approve')}>
                {t('staffApplications.approve.button')}
              </Button>
              <Button color="red.9" variant="outline" onClick={() => setModal('reject')}>
                {t('staffApplications.reject.button')}
              </Button>
            </Group>
          )
        }
      />
      <Group gap="xs">
        <StateBadge status={app.status} />
        {app.invited && (
          <Badge variant="outline" color="blue.8" tt="none">
            {t('staffApplications.invited')}
          </Badge>
        )}
      </Group>
      {app.status === 'appealed' && (
        <Alert color="orange" variant="light" title={t('staffApplications.detail.appealedTitle')}>
          {t('staffApplications.detail.appealedText')}{' '}
          <Anchor component={Link} to="/admin/appeals">
            {t('staffApplications.detail.appealsLink')}
          </Anchor>
        </Alert>
      )}
      <Section id="applicant" title={t('staffApplications.detail.applicant')}>
        <Facts
          facts={[
            { label: t('staffApplications.detail.name'), value: name },
            { label: t('staffApplications.detail.email'), value: app.applicant?.email ?? '—' },
            { label: t('staffApplications.table.submitted'), value: dateTime(app.created_at) },
            {
              label: t('staffApplications.detail.freelancer'),
              value: (
                <Anchor component={Link} to={`/admin/freelancers/${encodeURIComponent(app.freelancer_id)}`}>
                  {t('staffApplications.detail.freelancerLink')}
                </Anchor>
              ),
            },
            {
              label: t('staffApplications.detail.invitation'),
              value: app.invited ? t('staffApplications.filters.invitedYes') : t('staffApplications.filters.invitedNo'),
            },
            { label: t('staffApplications.detail.reference'), value: app.id },
          ]}
        />
      </Section>
      <Section id="answers" title={t('staffApplications.detail.answers')}>
        <ApplicationAnswers application={app} />
      </Section>
      <Section id="decision" title={t('staffApplications.detail.decision')}>
        <ApplicationDecision decision={app.decision} />
      </Section>
      <ApproveModal
        application={app}
        opened={modal === 'approve'}
        onClose={() => setModal(null)}
        onDone={done(t('staffApplications.approve.done', { name }))}
      />
      <RejectModal
        application={app}
        opened={modal === 'reject'}
        onClose={() => setModal(null)}
        onDone={done(t('staffApplications.reject.done', { name }))}
      />
    </Stack>
  );
}
