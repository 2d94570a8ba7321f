// TEMPORARY: the storefront's API shapes as /work/tasks/contract.md states them, until
// the generated schema has them (then this file goes and the names come from schema.ts).
import type { ResultOf } from '@/lib/api/operations';

/** A plan of the catalogue (GET /plans, already in the schema). */
export type Plan = ResultOf<'list_plans'>['data'][number];

export type BillingTerm = 'monthly' | 'yearly';

export interface ReferralLanding {
  code: string;
  freelancer: { display_name: string; photo_url: string | null };
  plans: Plan[];
}

export interface CheckoutRequest {
  plan_id: string;
  billing_term: BillingTerm;
  seats: number;
  referral_code: string | null;
  payment_method: string;
  billing_country?: string;
}

export interface CheckoutResult {
  order: {
    id: string;
    plan_id: string;
    billing_term: BillingTerm;
    seats: number;
    unit_price_cents: number;
    total_cents: number;
    currency: string;
    created_at: string;
    referral_code: string | null;
    self_referral: boolean;
  };
  subscription: { id: string; plan_name: string; status: string; seats: number; billing_term: BillingTerm };
  invoice: { id: string; number: string; kind: string; total_cents: number; currency: string; subscription_id: string | null };
}

/** GET /subscriptions/{id}, as far as the confirmation page reads it. */
export interface PurchasedSubscription {
  id: string;
  plan_name: string;
  billing_term: BillingTerm;
  seats: number;
  status: string;
}

/** GET /customer/invoices, as far as the confirmation page reads it. */
export interface InvoiceSummary {
  id: string;
  number: string;
  kind: string;
  total_cents: number;
  currency: string;
  subscription_id: string | null;
}
