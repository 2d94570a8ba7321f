// A subscription's statuses and their tones, shared by the client's pages and the
// freelancer's sales (both show the same status chips).
import type { StatusTone } from '@/components/StatusBadge';

export type SubscriptionStatus = 'pending' | 'active' | 'suspended' | 'cancelled' | 'expired';

export const SUBSCRIPTION_STATUSES: readonly SubscriptionStatus[] = ['pending', 'active', 'suspended', 'cancelled', 'expired'];

export const SUBSCRIPTION_STATUS_TONES: Record<SubscriptionStatus, StatusTone> = {
  pending: 'info',
  active: 'success',
  suspended: 'warning',
  cancelled: 'neutral',
  expired: 'neutral',
};
