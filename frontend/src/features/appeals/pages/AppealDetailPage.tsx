import { Anchor, Button, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ErrorState } from '@/components/ErrorState';
import { LoadingState } from '@/components/LoadingState';
import { ProblemAlert } from '@/components/ProblemAlert';
import { humanize, useDynamicT } from '@/i18n/dynamic';
import { useAppeal } from '../api/getAppeal';
import { useStartAppealReview } from '../api/startAppealReview';
import { AppealedApplication } from '../components/AppealedApplication';
import { AppealedEarning } from '../components/AppealedEarning';
import { isEarningAppeal } from '../lib/subject';
import { DecideAppealForm } from '../components/DecideAppealForm';
import { Facts } from '@/components/Facts';
import { InvalidStatusAlert } from '@/components/InvalidStatusAlert';
import { PageHeader } from '@/components/PageHeader';
import { Section } from '@/components/Section';
import { StateBadge } from '@/components/StateBadge';
import { useFormatters } from '@/lib/format/useFormatters';

export default function AppealDetailPage() {
  const { t } = useTranslation();
  const dt = useDynamicT();
  const { id = '' } = useParams();
  const query = useAppeal(id);
  const review = useStartAppealReview(id);
  const { dateTime } = useFormatters();
  const back = { to: '/admin/appeals', label: t('staffAppeals.back') };

  if (query.isPending) return <LoadingState />;
  if (query.isError) {
    return (
      <Stack>
        <PageHeader title={t('staffAppeals.detail.title')} back={back} />
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      </Stack>
    );
  }

  const appeal = query.data;
  const name = appeal.freelancer_name ?? appeal.freelancer_id;
  const open = appeal.status === 'submitted' || appeal.status === 'in_review';

  return (
    <Stack gap="lg">
      <PageHeader
        title={t('staffAppeals.detail.heading', { name })}
        back={back}
        actions={
          appeal.status === 'submitted' && (
            <Button variant="default" loading={review.isPending} onClick={() => review.mutate()}>
              {t('staffAppeals.detail.startReview')}
            </Button>
          )
        }
      />
      <InvalidStatusAlert error={review.error} fallback={<ProblemAlert error={review.error} />} />
      <Group gap="xs">
        <StateBadge status={appeal.status} />
      </Group>
      <Section id="appeal" title={t('staffAppeals.detail.appeal')}>
        <Facts
          facts={[
            {
              label: t('staffAppeals.table.appellant'),
              value: (
                <Anchor component={Link} to={`/admin/freelancers/${encodeURIComponent(appeal.freelancer_id)}`}>
                  {name}
                </Anchor>
              ),
            },
            { label: t('staffAppeals.detail.email'), value: appeal.freelancer_email ?? '—' },
            { label: t('staffAppeals.table.submitted'), value: dateTime(appeal.created_at) },
            { label: t('staffAppeals.table.subject'), value: dt(`staffAppeals.subjects.${appeal.subject_type}`, humanize(appeal.subject_type)) },
            {
              label: t('staffAppeals.detail.explanation'),
              wide: true,
              value: <span style={{ whiteSpace: 'pre-wrap', fontWeight: 400 }}>{appeal.explanation}</span>,
            },
          ]}
        />
      </Section>
      {appeal.subject_type === 'application' && (
        <Section id="appealed-application" title={t('staffAppeals.detail.application')}>
          <AppealedApplication id={appeal.subject_id} />
        </Section>
      )}
      {isEarningAppeal(appeal) && (
        <Section id="appealed-earning" title={t('staffAppeals.detail.earning')}>
          <AppealedEarning freelancerId={appeal.freelancer_id} entryId={appeal.subject_id} />
        </Section>
      )}
      <Section id="appeal-decision" title={t('staffAppeals.detail.decision')}>
        {open ? (
          <Stack gap="md">
            {appeal.status === 'submitted' && (
              <Text size="sm" c="dimmed">
                {t('staffAppeals.detail.reviewHint')}
              </Text>
            )}
            <DecideAppealForm appeal={appeal} />
          </Stack>
        ) : (
          <Facts
            cols={2}
            facts={[
              { label: t('staffAppeals.detail.outcome'), value: <StateBadge status={appeal.status} /> },
              { label: t('staffAppeals.table.decided'), value: dateTime(appeal.decided_at) },
              {
                label: t('staffAppeals.detail.reviewerNote'),
                wide: true,
                value: <span style={{ whiteSpace: 'pre-wrap', fontWeight: 400 }}>{appeal.reviewer_note ?? '—'}</span>,
              },
            ]}
          />
        )}
      </Section>
    </Stack>
  );
}
