// A ledger entry's story, oldest first: why it is pending, when it will be available,
// and why it changed (a tier change, a refund, an appeal). `pending_until` is dated in
// the future: it is shown as "available on" that date.
import { Anchor, Text, Timeline } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { humanize, useDynamicT } from '@/i18n/dynamic';
import { useFormat } from '@/lib/format/useFormat';
import type { EarningTimelineItem } from '@/lib/earnings/types';

const DOT: Partial<Record<EarningTimelineItem['event'], string>> = {
  available: 'teal.9',
  withdrawal_paid: 'teal.9',
  reversed: 'red.9',
  clawed_back: 'red.9',
  withdrawal_failed: 'red.9',
  pending_until: 'blue.8',
  waiting_for_activation: 'blue.8',
};

export function EarningTimeline({ items, currency }: { items: readonly EarningTimelineItem[]; currency: string }) {
  const { t } = useTranslation();
  const dt = useDynamicT();
  const format = useFormat();
  if (items.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {t('staffEarnings.timeline.none')}
      </Text>
    );
  }
  const done = items.filter((item) => item.event !== 'pending_until').length;
  return (
    <Timeline active={done - 1} bulletSize={14} lineWidth={2} data-testid="earning-timeline">
      {items.map((item, index) => {
        const tier = item.tier ? dt(`tiers.${item.tier}`, humanize(item.tier)) : '';
        const title = dt(`staffEarnings.timeline.events.${item.event}`, humanize(item.event), {
          date: item.available_at ? format.date(item.available_at) : format.date(item.at),
          tier,
          count: item.clearing_days ?? 0,
        });
        return (
          <Timeline.Item key={`${item.event}-${item.at}-${index}`} color={DOT[item.event]} title={title} data-testid="timeline-item">
            <Text size="xs" c="dimmed">
              {item.event === 'pending_until' ? t('staffEarnings.timeline.expected', { date: format.date(item.at) }) : format.dateTime(item.at)}
            </Text>
            {item.event === 'retimed' && item.clearing_days != null && (
              <Text size="sm">{t('staffEarnings.timeline.clearing', { count: item.clearing_days, tier })}</Text>
            )}
            {item.amount_cents != null && <Text size="sm">{format.money(item.amount_cents, currency)}</Text>}
            {item.reason && (
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                {t('staffEarnings.timeline.reason', { reason: item.reason })}
              </Text>
            )}
            {item.appeal_id && (
              <Anchor component={Link} to={`/admin/appeals/${encodeURIComponent(item.appeal_id)}`} size="xs">
                {t('staffEarnings.cause.openAppeal')}
              </Anchor>
            )}
          </Timeline.Item>
        );
      })}
    </Timeline>
  );
}
