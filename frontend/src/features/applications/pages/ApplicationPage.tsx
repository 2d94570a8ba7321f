import { Container, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '@/components/ErrorState';
import { GateNotice } from '@/components/GateNotice';
import { LoadingState } from '@/components/LoadingState';
import { VerifyEmailBanner } from '@/components/VerifyEmailBanner';
import { useCurrentUser } from '@/lib/session/currentUser';
import { useMyApplication } from '../api/getMyApplication';
import { EMPTY_APPLICATION, valuesFrom } from '../applicationRules';
import { ApplicationFormCard } from '../components/ApplicationFormCard';
import { ApplicationStatus } from '../components/ApplicationStatus';

export default function ApplicationPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const application = useMyApplication();
  // A rejected applicant may apply again, starting from the previous answers.
  const [reapplying, setReapplying] = useState(false);
  const showForm = application.data === null || reapplying;
  useDocumentTitle(showForm ? t('application.form.pageTitle') : t('application.status.pageTitle'));

  return (
    <Container size="md" py="md">
      <Stack gap="lg">
        <GateNotice />
        {showForm && <VerifyEmailBanner />}
        <Stack gap={4}>
          <Title order={1}>{showForm ? t('application.form.title') : t('application.status.title')}</Title>
          {showForm && <Text c="dimmed">{t('application.form.intro')}</Text>}
        </Stack>
        {application.isPending && <LoadingState />}
        {application.isError && <ErrorState error={application.error} onRetry={() => void application.refetch()} />}
        {application.isSuccess &&
          (showForm ? (
            <ApplicationFormCard
              initialValues={application.data && reapplying ? valuesFrom(application.data) : EMPTY_APPLICATION}
              onSubmitted={() => setReapplying(false)}
              onCancel={reapplying ? () => setReapplying(false) : undefined}
            />
          ) : (
            application.data && (
              <ApplicationStatus
                application={application.data}
                freelancer={me.freelancer}
                onReapply={() => setReapplying(true)}
              />
            )
          ))}
      </Stack>
    </Container>
  );
}
