// The subscription list's filters in the URL: a status, and "self-referrals only"
// (?self_referral=true, the link support follows to the flagged sales).
import type { SubscriptionFilters } from '../api/listSubscriptions';
import type { SubscriptionStatus } from '../api/types';

export const SUBSCRIPTION_STATUSES = ['pending', 'active', 'suspended', 'cancelled', 'expired'] as const satisfies readonly SubscriptionStatus[];

export const LIST_FILTERS = { status: SUBSCRIPTION_STATUSES, self_referral: ['true'] } as const;

/** What the API is asked for; unset filters stay out of the query. */
export function listQuery(values: { status: string; self_referral: string }): SubscriptionFilters {
  const query: SubscriptionFilters = {};
  if (values.status) query.status = values.status as SubscriptionStatus;
  if (values.self_referral === 'true') query.self_referral = true;
  return query;
}
