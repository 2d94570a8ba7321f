import type { SubscriptionStatus } from '../api/types';
import type { StatusTone } from '@/components/StatusBadge';

/** Seats, auto-renew and cancellation can be changed only while pending or active (else 409). */
const CHANGEABLE: readonly SubscriptionStatus[] = ['pending', 'active'];

export function isChangeable(status: SubscriptionStatus): boolean {
  return CHANGEABLE.includes(status);
}

export const STATUS_TONES: Record<SubscriptionStatus, StatusTone> = {
  pending: 'info',
  active: 'success',
  suspended: 'warning',
  cancelled: 'neutral',
  expired: 'neutral',
};
