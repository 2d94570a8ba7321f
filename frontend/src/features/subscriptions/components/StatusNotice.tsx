import { Alert, Anchor, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormat } from '@/lib/format/useFormat';
import type { Subscription } from '../api/types';

/** What the status means for the customer, where it needs saying. */
export function StatusNotice({ subscription: s }: { subscription: Subscription }) {
  const { t } = useTranslation();
  const { date } = useFormat();
  switch (s.status) {
    case 'pending':
      return (
        <Alert color="blue" variant="light" title={t('subscriptions.notice.pendingTitle')} data-testid="status-notice">
          <Text size="sm">
            {t('subscriptions.notice.pendingText')}{' '}
            <Anchor component={Link} to="/app/account/setup" size="sm">
              {t('subscriptions.notice.toAccount')}
            </Anchor>
          </Text>
        </Alert>
      );
    case 'suspended':
      return (
        <Alert color="yellow" variant="light" title={t('subscriptions.notice.suspendedTitle')} data-testid="status-notice">
          {t('subscriptions.notice.suspendedText')}
        </Alert>
      );
    case 'cancelled':
    case 'expired':
      return (
        <Alert color="gray" variant="light" title={t(`subscriptions.notice.${s.status}Title`)} data-testid="status-notice">
          {s.ended_at ? t('subscriptions.notice.endedOn', { date: date(s.ended_at) }) : t('subscriptions.notice.ended')}
        </Alert>
      );
    default:
      return null;
  }
}
