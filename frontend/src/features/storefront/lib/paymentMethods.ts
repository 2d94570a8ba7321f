// The sandbox payment provider's test cards (pm_card_visa succeeds, the other two fail
// with their own 402 code). A real provider would bring its own card form instead.
export const PAYMENT_METHODS = [
  { id: 'pm_card_visa', label: 'checkout.payment.visa' },
  { id: 'pm_card_declined', label: 'checkout.payment.declined' },
  { id: 'pm_card_insufficient_funds', label: 'checkout.payment.insufficient' },
] as const;

export type PaymentMethodId = (typeof PAYMENT_METHODS)[number]['id'];

/** The 402 codes a payment can fail with. */
export const PAYMENT_FAILURES = ['card_declined', 'insufficient_funds'] as const;
