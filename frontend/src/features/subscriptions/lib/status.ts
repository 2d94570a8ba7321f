import type { SubscriptionStatus } from '../api/types';

/** Seats, auto-renew and cancellation can be changed only while pending or active (else 409). */
const CHANGEABLE: readonly SubscriptionStatus[] = ['pending', 'active'];

export function isChangeable(status: SubscriptionStatus): boolean {
  return CHANGEABLE.includes(status);
}
