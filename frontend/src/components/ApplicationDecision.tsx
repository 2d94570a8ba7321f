import { Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { humanize, useDynamicT } from '@/i18n/dynamic';
import type { ResultOf } from '@/lib/api/operations';
import { useFormatters } from '@/lib/format/useFormatters';
import { Facts } from '@/components/Facts';
import { StateBadge } from '@/components/StateBadge';

/** Support's decision on an application, or that there is none yet (the review page and
 * the appeal page show the same facts). */
export function ApplicationDecision({ decision }: { decision: ResultOf<'get_application'>['decision'] }) {
  const { t } = useTranslation();
  const dt = useDynamicT();
  const { dateTime } = useFormatters();
  if (!decision) return <Text size="sm">{t('staffApplications.detail.noDecision')}</Text>;
  return (
    <Facts
      cols={2}
      facts={[
        {
          label: t('staffApplications.detail.outcome'),
          value: (
            <Group gap="xs">
              <StateBadge status={decision.outcome} />
            </Group>
          ),
        },
        { label: t('staffApplications.detail.decidedAt'), value: dateTime(decision.decided_at) },
        { label: t('staffApplications.detail.via'), value: t(`staffApplications.via.${decision.via}`) },
        ...(decision.reason
          ? [
              {
                label: t('staffApplications.detail.reason'),
                value: dt(`staffApplications.reasons.${decision.reason}`, decision.reason_text ?? humanize(decision.reason)),
              },
            ]
          : []),
        ...(decision.note
          ? [{ label: t('staffApplications.detail.note'), value: <span style={{ whiteSpace: 'pre-wrap' }}>{decision.note}</span>, wide: true }]
          : []),
      ]}
    />
  );
}
