import { StatusBadge } from '@/components/StatusBadge';
import { humanize, useDynamicT } from '@/i18n/dynamic';
import { SUBSCRIPTION_STATUS_TONES, type SubscriptionStatus } from '@/lib/subscriptionStatus';

/** A subscription's status chip (the client's pages and the freelancer's sales share it). */
export function SubscriptionStatusBadge({ status }: { status: string }) {
  const dt = useDynamicT();
  return (
    <StatusBadge
      tone={SUBSCRIPTION_STATUS_TONES[status as SubscriptionStatus] ?? 'neutral'}
      label={dt(`subscriptions.status.${status}`, humanize(status))}
      testId="subscription-status"
    />
  );
}
