// The subscription API types, named after the operations in openapi.yaml (nothing here is
// written by hand).
import type { BodyOf, ResultOf } from '@/lib/api/operations';

export type Subscription = ResultOf<'get_subscription'>;
export type BillingTerm = Subscription['billing_term'];
export type SubscriptionStatus = Subscription['status'];
/** What a new seat count costs, and when it takes effect. */
export type SeatChangePreview = ResultOf<'preview_seat_change'>;
/** What cancelling now would do: a refund, or auto-renew off and the end date. */
export type CancellationPreview = ResultOf<'preview_cancellation'>;
export type UpdateSubscription = BodyOf<'update_subscription'>;
