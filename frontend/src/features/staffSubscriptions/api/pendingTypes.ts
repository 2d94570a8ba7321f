// TEMPORARY (issue 8): the staff subscription routes as /work/tasks/contract.md describes
// them, until they reach openapi.yaml. Then this file goes: types.ts names the generated
// operations and the api/ files call `api` from '@/lib/api/client'.
import { pendingClient, type PendingOp, type PendingPath } from '@/lib/api/pending';
import type { CursorPage } from '@/lib/api/operations';

export type SubscriptionStatus = 'pending' | 'active' | 'suspended' | 'cancelled' | 'expired';
export type BillingTerm = 'monthly' | 'yearly';
export type SubscriptionEventKind =
  | 'created'
  | 'activated'
  | 'seats_increased'
  | 'seats_decrease_scheduled'
  | 'seats_decreased'
  | 'cancelled'
  | 'auto_renew_disabled'
  | 'renewed'
  | 'renewal_payment_failed'
  | 'suspended'
  | 'reactivated'
  | 'expired';

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
  /** Per seat, for this term. */
  unit_price_cents: number;
  /** Per seat, what the next term costs. */
  renewal_unit_price_cents: number;
  renewal_total_cents: number;
  currency: string;
  account_id: string | null;
  freelancer: { id: string; display_name: string } | null;
  self_referral: boolean;
  created_at: string;
  ended_at: string | null;
}

export interface SubscriptionCustomer {
  id: string;
  email: string;
  full_name: string;
}

export type StaffSubscription = Subscription & { customer: SubscriptionCustomer };

export interface SubscriptionEvent {
  id: string;
  kind: SubscriptionEventKind;
  status_before: SubscriptionStatus | null;
  status_after: SubscriptionStatus;
  seats: number;
  amount_cents: number | null;
  invoice_id: string | null;
  actor_id: string | null;
  data: Record<string, unknown>;
  created_at: string;
}

export interface SubscriptionDetail {
  subscription: Subscription;
  customer: SubscriptionCustomer;
  events: SubscriptionEvent[];
}

export interface SubscriptionQuery {
  status?: SubscriptionStatus;
  self_referral?: boolean;
  cursor?: string;
  limit?: number;
}

export type PendingPaths = {
  '/api/v1/admin/subscriptions': PendingPath<{
    get: PendingOp<{ query: SubscriptionQuery; result: CursorPage<StaffSubscription> }>;
  }>;
  '/api/v1/admin/subscriptions/{id}': PendingPath<{ get: PendingOp<{ path: { id: string }; result: SubscriptionDetail }> }>;
};

export const api = pendingClient<PendingPaths>();
