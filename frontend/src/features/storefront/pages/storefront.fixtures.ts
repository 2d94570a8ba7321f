// Test data shared by the storefront's page tests.
export const plans = [
  ['pln_m365_business_basic', 'Microsoft 365 Business Basic', 720, 7200],
  ['pln_m365_business_standard', 'Microsoft 365 Business Standard', 1500, 15000],
  ['pln_m365_business_premium', 'Microsoft 365 Business Premium', 2640, 26400],
  ['pln_m365_apps_for_business', 'Microsoft 365 Apps for business', 990, 9900],
].map(([id, name, monthly, yearly]) => ({
  id: id as string,
  product_id: 'prd_microsoft_365',
  product_name: 'Microsoft 365',
  name: name as string,
  description: 'A plan.',
  currency: 'USD',
  monthly_price_cents: monthly as number,
  yearly_price_cents: yearly as number,
  commission_rate_bps: 1500,
}));

export const standard = plans[1]!;

export const customerMe = {
  id: 'usr_2',
  email: 'kim@example.com',
  full_name: 'Kim Customer',
  roles: ['customer'],
  locale: 'en',
  email_verified: true,
};

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
