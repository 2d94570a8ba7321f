// A subscription's events in words. Every kind the API knows has a label in both
// catalogues: the record below does not compile without each kind, and the test checks
// each one's label in English and German.
import type { SubscriptionEventKind } from '../api/types';

const KINDS: Record<SubscriptionEventKind, true> = {
  created: true,
  activated: true,
  seats_increased: true,
  seats_decrease_scheduled: true,
  seats_decreased: true,
  cancelled: true,
  auto_renew_disabled: true,
  renewed: true,
  renewal_payment_failed: true,
  suspended: true,
  reactivated: true,
  expired: true,
};

export const EVENT_KINDS = Object.keys(KINDS) as SubscriptionEventKind[];

/** The catalogue key of a kind's label. */
export function eventKindKey(kind: string): string {
  return `staffSubscriptions.events.kinds.${kind}`;
}
