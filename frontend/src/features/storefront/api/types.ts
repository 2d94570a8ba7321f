// The storefront's API types, named after the operations in openapi.yaml (nothing here is
// written by hand).
import type { BodyOf, ResultOf } from '@/lib/api/operations';

/** A plan on sale (prices per seat: per month, billed monthly; per year, billed yearly). */
export type Plan = ResultOf<'list_plans'>['data'][number];
/** A referral link's landing: the freelancer behind it and the plans. */
export type ReferralLanding = ResultOf<'get_referral_landing'>;
export type CheckoutRequest = BodyOf<'checkout'>;
export type BillingTerm = CheckoutRequest['billing_term'];
/** The order, the subscription it started and the invoice of the payment. */
export type CheckoutResult = ResultOf<'checkout'>;
export type Subscription = ResultOf<'get_subscription'>;
export type Invoice = CheckoutResult['invoice'];
