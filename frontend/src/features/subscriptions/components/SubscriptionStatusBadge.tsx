import { StatusBadge } from '@/components/StatusBadge';
import { humanize, useDynamicT } from '@/i18n/dynamic';
import type { SubscriptionStatus } from '../api/types';
import { STATUS_TONES } from '../lib/status';

export function SubscriptionStatusBadge({ status }: { status: SubscriptionStatus }) {
  const dt = useDynamicT();
  return (
    <StatusBadge
      tone={STATUS_TONES[status] ?? 'neutral'}
      label={dt(`subscriptions.status.${status}`, humanize(status))}
      testId="subscription-status"
    />
  );
}
