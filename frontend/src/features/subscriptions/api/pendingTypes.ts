// TEMPORARY: the subscription API's shapes as /work/tasks/contract.md states them, until
// the generated schema has them (then this file goes and the names come from schema.ts).
export type BillingTerm = 'monthly' | 'yearly';
export type SubscriptionStatus = 'pending' | 'active' | 'suspended' | 'cancelled' | 'expired';

export interface Subscription {
  id: string;
  plan_id: string;
  plan_name: string;
  billing_term: BillingTerm;
  seats: number;
  scheduled_seats: number | null;
  status: SubscriptionStatus;
  auto_renew: boolean;
  activated_at: string | null;
  term_start: string;
  current_term_end: string;
  cancellation_allowed_until: string;
  unit_price_cents: number;
  renewal_unit_price_cents: number;
  renewal_total_cents: number;
  currency: string;
  account_id: string | null;
  freelancer: { id: string; display_name: string } | null;
  self_referral: boolean;
  created_at: string;
  ended_at: string | null;
}

export interface SeatChangePreview {
  seats: number;
  effective: 'now' | 'at_renewal';
  prorated_charge_cents: number;
  currency: string;
}

export interface CancellationPreview {
  outcome: 'refund' | 'end_at_term_end';
  refund_cents: number;
  currency: string;
  ends_at: string;
}

export interface UpdateSubscription {
  seats?: number;
  auto_renew?: boolean;
}
