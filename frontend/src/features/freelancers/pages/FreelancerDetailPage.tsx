import { Anchor, Badge, Code, List, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ErrorState } from '@/components/ErrorState';
import { LoadingState } from '@/components/LoadingState';
import { humanize, useDynamicT } from '@/i18n/dynamic';
import { useFreelancer } from '../api/getFreelancer';
import { Facts } from '@/components/Facts';
import { PageHeader } from '@/components/PageHeader';
import { Section } from '@/components/Section';
import { StateBadge } from '@/components/StateBadge';
import { TierForm } from '../components/TierForm';
import { useFormatters } from '@/lib/format/useFormatters';

export default function FreelancerDetailPage() {
  const { t } = useTranslation();
  const dt = useDynamicT();
  const { id } = useParams();
  const query = useFreelancer(id);
  const { dateTime } = useFormatters();
  const back = { to: '/admin/freelancers', label: t('staffFreelancers.back') };

  if (query.isPending) return <LoadingState />;
  if (query.isError) {
    return (
      <Stack>
        <PageHeader title={t('staffFreelancers.detail.title')} back={back} />
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      </Stack>
    );
  }

  const fl = query.data;
  const missing = fl.missing_steps ?? [];
  return (
    <Stack gap="lg">
      <PageHeader title={fl.full_name} back={back} description={fl.email} />
      <Section id="programme" title={t('staffFreelancers.detail.programme')}>
        <Facts
          facts={[
            { label: t('staffFreelancers.table.status'), value: <StateBadge status={fl.status} /> },
            {
              label: t('staffFreelancers.detail.eligible'),
              value: (
                <Badge color={fl.eligible ? 'teal.9' : 'yellow.4'} variant="filled" autoContrast tt="none">
                  {fl.eligible ? t('staffFreelancers.detail.eligibleYes') : t('staffFreelancers.detail.eligibleNo')}
                </Badge>
              ),
            },
            { label: t('staffFreelancers.detail.eligibleSince'), value: fl.eligible_since ? dateTime(fl.eligible_since) : '—' },
            {
              label: t('staffFreelancers.detail.referralCode'),
              value: fl.referral_code ? <Code fz="sm">{fl.referral_code}</Code> : t('staffFreelancers.detail.noReferralCode'),
            },
            {
              label: t('staffFreelancers.table.onboarding'),
              value: fl.onboarding_required ? t('staffFreelancers.onboardingFull') : t('staffFreelancers.onboardingTermsOnly'),
            },
            { label: t('staffFreelancers.table.joined'), value: dateTime(fl.created_at) },
          ]}
        />
        <Stack gap={4}>
          <Text size="sm" c="dimmed" id="missing-steps-label">
            {t('staffFreelancers.detail.missingSteps')}
          </Text>
          {missing.length > 0 ? (
            <List size="sm" aria-labelledby="missing-steps-label" data-testid="missing-steps">
              {missing.map((step) => (
                <List.Item key={step}>{dt(`staffFreelancers.steps.${step}`, humanize(step))}</List.Item>
              ))}
            </List>
          ) : (
            <Text size="sm" fw={500}>
              {t('staffFreelancers.detail.noMissingSteps')}
            </Text>
          )}
        </Stack>
      </Section>
      <Section id="earnings" title={t('staffFreelancers.detail.earnings')}>
        <Text size="sm" c="dimmed">
          {t('staffFreelancers.detail.earningsHint')}
        </Text>
        <Anchor component={Link} to={`/admin/freelancers/${encodeURIComponent(fl.id)}/earnings`} fw={500}>
          {t('staffFreelancers.detail.openLedger')}
        </Anchor>
      </Section>
      <Section id="tier" title={t('staffFreelancers.tier.title')}>
        <TierForm key={fl.tier} freelancer={fl} />
      </Section>
    </Stack>
  );
}
