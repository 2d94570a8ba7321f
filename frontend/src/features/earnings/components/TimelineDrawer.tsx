import { Anchor, Drawer, Group, Stack, Text, Timeline, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { EmptyState } from '@/components/EmptyState';
import { ErrorState } from '@/components/ErrorState';
import { LoadingState } from '@/components/LoadingState';
import { humanize, useDynamicT } from '@/i18n/dynamic';
import { isApiError } from '@/lib/api/problem';
import { useFormat } from '@/lib/format/useFormat';
import { useEarningEntry } from '../api/getEarningEntry';
import type { EarningDetail } from '../api/types';
import { useTimelineSentence } from '../lib/timeline';
import { AppealForm } from './AppealForm';
import { EntryStatusBadge } from './StatusBadges';
import { useCauseText } from './useCauseText';

function EntryTimeline({ detail }: { detail: EarningDetail }) {
  const { t } = useTranslation();
  const dt = useDynamicT();
  const format = useFormat();
  const sentence = useTimelineSentence();
  const cause = useCauseText();
  const { entry, timeline, related } = detail;
  return (
    <Stack gap="lg">
      <Stack gap={4}>
        <Group gap="sm">
          <Text fz={28} fw={700} c={entry.amount_cents < 0 ? 'red.9' : undefined} data-testid="entry-detail-amount">
            {format.money(entry.amount_cents, entry.currency)}
          </Text>
          <EntryStatusBadge entry={entry} />
        </Group>
        <Text size="sm">{cause(entry)}</Text>
        {entry.rate_bps != null && entry.base_cents != null && (
          <Text size="sm" c="dimmed">
            {t('earnings.detail.rate', { rate: format.bps(entry.rate_bps), base: format.money(entry.base_cents, entry.currency) })}
          </Text>
        )}
        {entry.reason && (
          <Text size="sm" data-testid="entry-reason">
            {t('earnings.detail.reason', { reason: entry.reason })}
          </Text>
        )}
      </Stack>

      <Stack gap="sm" component="section" aria-labelledby="timeline-title">
        <Title order={3} size="h5" id="timeline-title">
          {t('earnings.detail.timeline')}
        </Title>
        <Timeline bulletSize={14} lineWidth={2} active={timeline.length} data-testid="entry-timeline">
          {timeline.map((item, i) => (
            <Timeline.Item key={`${item.event}-${i}`} data-event={item.event}>
              <Text size="sm" fw={500}>
                {sentence(item, entry)}
              </Text>
              <Text size="xs" c="dimmed">
                {format.dateTime(item.at)}
              </Text>
            </Timeline.Item>
          ))}
        </Timeline>
      </Stack>

      {related.length > 0 && (
        <Stack gap="xs" component="section" aria-labelledby="related-title">
          <Title order={3} size="h5" id="related-title">
            {t('earnings.detail.related')}
          </Title>
          {related.map((other) => (
            <Group key={other.id} gap="sm" justify="space-between" wrap="nowrap">
              <Anchor component={Link} to={`/app/earnings/${encodeURIComponent(other.id)}`} size="sm">
                {dt(`earnings.kind.${other.kind}`, humanize(other.kind))} · {format.date(other.created_at)}
              </Anchor>
              <Text size="sm" fw={600}>
                {format.money(other.amount_cents, other.currency)}
              </Text>
            </Group>
          ))}
        </Stack>
      )}

      {entry.appealable && (
        <Stack gap="xs" component="section" aria-labelledby="appeal-title">
          <Title order={3} size="h5" id="appeal-title">
            {t('earnings.appeal.title')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('earnings.appeal.text')}
          </Text>
          <AppealForm entryId={entry.id} />
        </Stack>
      )}
    </Stack>
  );
}

/** An entry's story ("why pending, when available, why changed") beside the ledger. */
export function TimelineDrawer({ entryId, onClose }: { entryId: string | undefined; onClose: () => void }) {
  const { t } = useTranslation();
  const detail = useEarningEntry(entryId);
  return (
    // Built from parts so the header is a div: Mantine's <header> would be a second banner landmark.
    <Drawer.Root opened={Boolean(entryId)} onClose={onClose} position="right" size="lg">
      <Drawer.Overlay />
      <Drawer.Content>
        <Drawer.Header component="div">
          <Drawer.Title fw={700}>{t('earnings.detail.title')}</Drawer.Title>
          <Drawer.CloseButton aria-label={t('earnings.detail.close')} />
        </Drawer.Header>
        <Drawer.Body>
          {detail.isPending && <LoadingState />}
          {detail.isError &&
            (isApiError(detail.error) && detail.error.status === 404 ? (
              <EmptyState title={t('earnings.detail.notFoundTitle')} description={t('earnings.detail.notFoundText')} />
            ) : (
              <ErrorState error={detail.error} onRetry={() => void detail.refetch()} />
            ))}
          {detail.data && <EntryTimeline detail={detail.data} />}
        </Drawer.Body>
      </Drawer.Content>
    </Drawer.Root>
  );
}
