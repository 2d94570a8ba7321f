import { Alert, Anchor, Button, Group, List, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { SuccessAlert } from '@/components/SuccessAlert';
import { StatusBadge, type StatusTone } from '@/components/StatusBadge';
import { humanize, useDynamicT } from '@/i18n/dynamic';
import type { Application, FreelancerSummary } from '@/lib/api/types';
import { countryName } from '@/lib/countries';
import { useFormat } from '@/lib/format/useFormat';
import { nextAction } from '@/lib/programme/steps';
import { AppealForm } from './AppealForm';

const TONES: Record<string, StatusTone> = {
  submitted: 'info',
  approved: 'success',
  rejected: 'danger',
  appealed: 'warning',
};

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text component="dt" size="sm" c="dimmed">
        {label}
      </Text>
      <Text component="dd" m={0} style={{ overflowWrap: 'anywhere' }}>
        {children}
      </Text>
    </div>
  );
}

interface Props {
  application: Application;
  freelancer: FreelancerSummary | null | undefined;
  onReapply: () => void;
}

/** The latest application: its status, support's decision and what to do next. */
export function ApplicationStatus({ application, freelancer, onReapply }: Props) {
  const { t } = useTranslation();
  const dt = useDynamicT();
  const format = useFormat();
  const decision = application.decision;
  const next = freelancer ? nextAction(freelancer) : null;

  return (
    <Stack gap="lg">
      <Group justify="space-between" align="center">
        <Text c="dimmed" size="sm">
          {t('application.status.submittedOn', { date: format.dateTime(application.created_at) })}
        </Text>
        <StatusBadge
          tone={TONES[application.status] ?? 'neutral'}
          label={dt(`application.statusLabel.${application.status}`, humanize(application.status))}
          testId="application-status"
        />
      </Group>

      {application.status === 'submitted' && (
        <Alert color="blue" variant="light" title={t('application.status.submittedTitle')}>
          {t('application.status.submittedText')}
        </Alert>
      )}

      {application.status === 'approved' && (
        <SuccessAlert title={t('application.status.approvedTitle')}>
          <Stack gap="sm" align="flex-start">
            <Text size="sm">
              {decision?.via === 'appeal' ? t('application.status.approvedOnAppealText') : t('application.status.approvedText')}
            </Text>
            {decision?.note && <DecisionNote note={decision.note} />}
            {next?.kind === 'dashboard' ? (
              <Button component={Link} to="/app/dashboard">
                {t('application.status.openDashboard')}
              </Button>
            ) : (
              <Button component={Link} to={next && next.kind !== 'awaitReview' ? next.to : '/app/onboarding'}>
                {t('application.status.continueOnboarding')}
              </Button>
            )}
          </Stack>
        </SuccessAlert>
      )}

      {(application.status === 'rejected' || application.status === 'appealed') && decision && (
        <Alert color="red" variant="light" title={t('application.status.rejectedTitle')} data-testid="decision">
          <Stack gap="xs">
            {decision.reason_text && (
              <Text size="sm">
                <Text span fw={700} size="sm">
                  {t('application.status.reason')}
                </Text>{' '}
                {decision.reason
                  ? dt(`application.reasons.${decision.reason}`, decision.reason_text)
                  : decision.reason_text}
              </Text>
            )}
            {decision.note && <DecisionNote note={decision.note} />}
            <Text size="xs" c="dimmed">
              {t('application.status.decidedOn', { date: format.dateTime(decision.decided_at) })}
            </Text>
          </Stack>
        </Alert>
      )}

      {application.status === 'appealed' && (
        <Alert color="blue" variant="light" title={t('application.status.appealedTitle')}>
          <Text size="sm">
            {t('application.status.appealedText')}{' '}
            <Anchor component={Link} to="/app/appeals" size="sm" c="blue.9" underline="always">
              {t('application.status.seeAppeals')}
            </Anchor>
          </Text>
        </Alert>
      )}

      {application.status === 'rejected' && (
        <>
          <AppealForm applicationId={application.id} />
          <Text size="sm">
            {t('application.status.reapplyText')}{' '}
            <Anchor component="button" type="button" size="sm" onClick={onReapply}>
              {t('application.status.reapply')}
            </Anchor>
          </Text>
        </>
      )}

      <Paper withBorder radius="md" p={{ base: 'md', sm: 'xl' }} component="section" aria-labelledby="application-answers">
        <Stack gap="md">
          <Title order={2} size="h4" id="application-answers">
            {t('application.status.answersTitle')}
          </Title>
          <SimpleGrid cols={{ base: 1, sm: 2 }} component="dl" m={0} spacing="md">
            <Fact label={t('application.fields.experience')}>
              {dt(`application.experience.${application.m365_experience}`, humanize(application.m365_experience))}
            </Fact>
            <Fact label={t('application.fields.usClients')}>{format.number(application.us_clients_served)}</Fact>
            <Fact label={t('application.fields.country')}>{countryName(application.country, format.locale)}</Fact>
            <Fact label={t('application.fields.certifications')}>
              {application.certifications.length > 0 ? application.certifications.join(', ') : t('application.status.none')}
            </Fact>
          </SimpleGrid>
          <dl style={{ margin: 0 }}>
            <Fact label={t('application.fields.motivation')}>
              <span style={{ whiteSpace: 'pre-wrap' }}>{application.motivation}</span>
            </Fact>
          </dl>
          <dl style={{ margin: 0 }}>
            <Fact label={t('application.fields.links')}>
              {application.links.length > 0 ? (
                <List size="sm" listStyleType="none" spacing={4}>
                  {application.links.map((link) => (
                    <List.Item key={link}>
                      <Anchor href={link} target="_blank" rel="noopener noreferrer nofollow" size="sm">
                        {link}
                      </Anchor>
                    </List.Item>
                  ))}
                </List>
              ) : (
                t('application.status.none')
              )}
            </Fact>
          </dl>
        </Stack>
      </Paper>
    </Stack>
  );
}

function DecisionNote({ note }: { note: string }) {
  const { t } = useTranslation();
  return (
    <Text size="sm">
      <Text span fw={700} size="sm">
        {t('application.status.note')}
      </Text>{' '}
      <span style={{ whiteSpace: 'pre-wrap' }}>{note}</span>
    </Text>
  );
}
