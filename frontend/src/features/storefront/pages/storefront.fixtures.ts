// Test data shared by the storefront's page tests.
import { invoice, plans, subscription } from '@/test/commerce';
import type { CheckoutResult } from '../api/types';

export { customerMe, plans } from '@/test/commerce';

export const standard = plans[1]!;

export function checkoutResult(seats = 5): CheckoutResult {
  return {
    order: {
      id: 'ord_1',
      plan_id: standard.id,
      billing_term: 'yearly',
      seats,
      unit_price_cents: 15000,
      subtotal_cents: 15000 * seats,
      tax_cents: 0,
      total_cents: 15000 * seats,
      currency: 'USD',
      created_at: '2026-12-01T10:00:00Z',
      referral_code: 'greta42',
      self_referral: false,
    },
    subscription: subscription({ plan_id: standard.id, plan_name: standard.name, status: 'pending', seats, activated_at: null, account_id: null }),
    invoice: invoice({
      lines: [{ ...invoice().lines[0]!, quantity: seats, amount_cents: 15000 * seats }],
      subtotal_cents: 15000 * seats,
      tax_rate_bps: 0,
      tax_cents: 0,
      total_cents: 15000 * seats,
    }),
  };
}
