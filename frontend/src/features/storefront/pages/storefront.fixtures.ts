// Test data shared by the storefront's page tests.
import { plans } from '@/test/commerce';

export { customerMe, plans } from '@/test/commerce';

export const standard = plans[1]!;

export function checkoutResult(seats = 5) {
  return {
    order: {
      id: 'ord_1',
      plan_id: standard.id,
      billing_term: 'yearly',
      seats,
      unit_price_cents: 15000,
      total_cents: 15000 * seats,
      currency: 'USD',
      created_at: '2026-12-01T10:00:00Z',
      referral_code: 'greta42',
      self_referral: false,
    },
    subscription: { id: 'sub_1', plan_name: standard.name, status: 'pending', seats, billing_term: 'yearly' },
    invoice: { id: 'inv_1', number: '2026-000001', kind: 'invoice', total_cents: 15000 * seats, currency: 'USD', subscription_id: 'sub_1' },
  };
}
