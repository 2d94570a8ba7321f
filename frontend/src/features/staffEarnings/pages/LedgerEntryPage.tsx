import { Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { DetailFrame } from '@/components/DetailFrame';
import { EarningFacts } from '@/components/EarningFacts';
import { EarningTimeline } from '@/components/EarningTimeline';
import { PageHeader } from '@/components/PageHeader';
import { Section } from '@/components/Section';
import { useFreelancerEarning } from '../api/getFreelancerEarning';
import type { EarningDetail } from '../api/types';
import { EntryTable } from '../components/EntryTable';
import { ledgerPath } from '../lib/paths';

/** One ledger entry: what it is, why it is where it is (its timeline), and the entries linked to it. */
export default function LedgerEntryPage() {
  const { t } = useTranslation();
  const { id = '', entryId = '' } = useParams();
  const query = useFreelancerEarning(id, entryId);
  const back = { to: ledgerPath(id), label: t('staffEarnings.entry.back') };
  return (
    <DetailFrame query={query} title={t('staffEarnings.entry.title')} back={back}>
      {(detail) => <Entry detail={detail} freelancerId={id} back={back} />}
    </DetailFrame>
  );
}

function Entry({ detail, freelancerId, back }: { detail: EarningDetail; freelancerId: string; back: { to: string; label: string } }) {
  const { t } = useTranslation();
  const { entry, timeline, related } = detail;
  return (
    <Stack gap="lg">
      <PageHeader title={t(`staffEarnings.entry.heading.${entry.kind}`)} back={back} />
      <Section id="entry" title={t('staffEarnings.entry.facts')}>
        <EarningFacts entry={entry} />
      </Section>
      <Section id="entry-timeline" title={t('staffEarnings.entry.timeline')}>
        <EarningTimeline items={timeline} currency={entry.currency} />
      </Section>
      <Section id="entry-related" title={t('staffEarnings.entry.related')}>
        {related.length > 0 ? (
          <EntryTable freelancerId={freelancerId} entries={related} />
        ) : (
          <Text size="sm" c="dimmed">
            {t('staffEarnings.entry.noRelated')}
          </Text>
        )}
      </Section>
    </Stack>
  );
}
