// API answers of the client's pages (issue 8) for the unit tests: a customer, the seeded
// plans, a subscription, an invoice, a Microsoft account set-up. Override what a test needs.
// Typed by the operations that answer with them, so a change of the API's shapes shows here.
import type { ResultOf } from '@/lib/api/operations';

type Plan = ResultOf<'list_plans'>['data'][number];
type Subscription = ResultOf<'get_subscription'>;
type Invoice = ResultOf<'get_my_invoice'>;
type CustomerAccount = ResultOf<'get_my_customer_account'>;

export const customerMe = {
  id: 'usr_2',
  email: 'kim@example.com',
  full_name: 'Kim Customer',
  roles: ['customer'],
  locale: 'en',
  email_verified: true,
};

export const plans = [
  ['pln_m365_business_basic', 'Microsoft 365 Business Basic', 720, 7200],
  ['pln_m365_business_standard', 'Microsoft 365 Business Standard', 1500, 15000],
  ['pln_m365_business_premium', 'Microsoft 365 Business Premium', 2640, 26400],
  ['pln_m365_apps_for_business', 'Microsoft 365 Apps for business', 990, 9900],
].map(([id, name, monthly, yearly]): Plan => ({
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

export function subscription(overrides: Partial<Subscription> = {}): Subscription {
  return {
    id: 'sub_1',
    plan_id: 'pln_m365_business_standard',
    plan_name: 'Microsoft 365 Business Standard',
    billing_term: 'yearly',
    seats: 5,
    scheduled_seats: null,
    status: 'active',
    auto_renew: true,
    activated_at: '2026-12-02T10:00:00Z',
    term_start: '2026-12-01T10:00:00Z',
    current_term_end: '2027-12-01T10:00:00Z',
    cancellation_allowed_until: '2026-12-08T10:00:00Z',
    unit_price_cents: 15000,
    renewal_unit_price_cents: 15000,
    renewal_total_cents: 75000,
    currency: 'USD',
    account_id: 'acc_1',
    freelancer: { id: 'fl_1', display_name: 'Greta G.' },
    self_referral: false,
    created_at: '2026-12-01T10:00:00Z',
    ended_at: null,
    ...overrides,
  };
}

export function invoice(overrides: Partial<Invoice> = {}): Invoice {
  return {
    id: 'inv_1',
    number: '2026-000001',
    kind: 'invoice',
    status: 'paid',
    issued_at: '2026-12-01T10:00:00Z',
    currency: 'USD',
    bill_to: { name: 'Kim Customer', email: 'kim@example.com', address: null, country: 'DE' },
    lines: [
      {
        description: 'Microsoft 365 Business Standard, yearly',
        quantity: 5,
        unit_amount_cents: 15000,
        amount_cents: 75000,
        period_start: '2026-12-01T10:00:00Z',
        period_end: '2027-12-01T10:00:00Z',
      },
    ],
    subtotal_cents: 75000,
    tax_rate_bps: 1900,
    tax_cents: 14250,
    total_cents: 89250,
    subscription_id: 'sub_1',
    credits_invoice_id: null,
    credits_invoice_number: null,
    ...overrides,
  };
}

export function customerAccount(overrides: Partial<CustomerAccount> = {}): CustomerAccount {
  return {
    id: 'cac_1',
    status: 'submitted',
    account_name: 'Contoso GmbH',
    address: { line1: 'Hauptstr. 1', line2: null, city: 'Köln', region: null, postal_code: '50667', country: 'DE' },
    primary_contact: { name: 'Kim Customer', email: 'kim@contoso.example', phone: '+49 221 123456' },
    existing_customer: false,
    domain: 'contoso.onmicrosoft.com',
    rejection_reason: null,
    reviewed_at: null,
    partnership_accepted_at: null,
    created_at: '2026-12-01T10:00:00Z',
    updated_at: '2026-12-01T10:00:00Z',
    ...overrides,
  };
}
