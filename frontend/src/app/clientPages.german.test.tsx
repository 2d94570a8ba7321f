// The client's pages (issue 8) in German, the way e2e/german.spec.mjs walks them: every
// page has its heading, no catalogue miss, no English word; with empty data (a customer
// who has bought nothing yet) and with some.
import { screen } from '@testing-library/react';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import i18n from '@/i18n';
import { catalogueMisses, clearCatalogueMisses } from '@/i18n/misses';
import { englishLines } from '@/test/german';
import { json, mockApi, problem, renderRoutes, signIn } from '@/test/utils';

const SLOW = { timeout: 10_000 };
const me = { id: 'usr_2', email: 'karl@example.com', full_name: 'Karl Kunde', roles: ['customer'], locale: 'de', email_verified: true };
const NAMES = ['Karl Kunde', 'Greta Gründlich', 'Kunde GmbH'];

const plans = [
  ['pln_m365_business_basic', 'Microsoft 365 Business Basic', 720, 7200],
  ['pln_m365_business_standard', 'Microsoft 365 Business Standard', 1500, 15000],
  ['pln_m365_business_premium', 'Microsoft 365 Business Premium', 2640, 26400],
  ['pln_m365_apps_for_business', 'Microsoft 365 Apps for business', 990, 9900],
].map(([id, name, monthly, yearly]) => ({
  id,
  product_id: 'prd_microsoft_365',
  product_name: 'Microsoft 365',
  name,
  description: 'English text that the catalogue translates.',
  currency: 'USD',
  monthly_price_cents: monthly,
  yearly_price_cents: yearly,
  commission_rate_bps: 1500,
}));

const subscription = {
  id: 'sub_1',
  plan_id: 'pln_m365_business_standard',
  plan_name: 'Microsoft 365 Business Standard',
  billing_term: 'yearly',
  seats: 5,
  scheduled_seats: 3,
  status: 'pending',
  auto_renew: true,
  activated_at: null,
  term_start: '2026-12-01T10:00:00Z',
  current_term_end: '2027-12-01T10:00:00Z',
  cancellation_allowed_until: '2026-12-08T10:00:00Z',
  unit_price_cents: 15000,
  renewal_unit_price_cents: 16000,
  renewal_total_cents: 48000,
  currency: 'USD',
  account_id: null,
  freelancer: { id: 'fl_1', display_name: 'Greta Gründlich' },
  self_referral: false,
  created_at: '2026-12-01T10:00:00Z',
  ended_at: null,
};

const invoice = {
  id: 'inv_1',
  number: '2026-000001',
  kind: 'invoice',
  status: 'paid',
  issued_at: '2026-12-01T10:00:00Z',
  currency: 'USD',
  bill_to: { name: 'Karl Kunde', email: 'karl@example.com', address: null, country: 'DE' },
  lines: [],
  subtotal_cents: 75000,
  tax_rate_bps: 1900,
  tax_cents: 14250,
  total_cents: 89250,
  subscription_id: 'sub_1',
  credits_invoice_id: null,
  credits_invoice_number: null,
};

const account = (status: string) => ({
  id: 'cac_1',
  status,
  account_name: 'Kunde GmbH',
  address: { line1: 'Domstraße 1', line2: null, city: 'Köln', region: null, postal_code: '50667', country: 'DE' },
  primary_contact: { name: 'Karl Kunde', email: 'karl@example.com', phone: '+49 221 123456' },
  existing_customer: false,
  domain: 'kunde.onmicrosoft.com',
  rejection_reason: status === 'rejected' ? 'Bitte geben Sie die vollständige Anschrift an.' : null,
  reviewed_at: null,
  partnership_accepted_at: status === 'active' ? '2026-12-03T10:00:00Z' : null,
  created_at: '2026-12-01T10:00:00Z',
  updated_at: '2026-12-01T10:00:00Z',
});

const empty = () => json({ data: [], next_cursor: null });
const cart = {
  plan: { id: 'pln_m365_business_standard', name: 'Microsoft 365 Business Standard', product_name: 'Microsoft 365', currency: 'USD', monthly_price_cents: 1500, yearly_price_cents: 15000 },
  term: 'yearly',
  seats: 5,
  backTo: '/plans',
};

type Case = [path: string, signedIn: boolean, handlers: Record<string, () => Response>, setup?: () => void];

const CASES: Case[] = [
  ['/plans', false, { 'GET /api/v1/plans': () => json({ data: plans }) }],
  ['/r/greta', false, { 'GET /api/v1/r/greta': () => json({ code: 'greta', freelancer: { display_name: 'Greta Gründlich', photo_url: null }, plans }) }],
  ['/r/nope', false, { 'GET /api/v1/r/nope': () => problem(404, 'referral_not_found') }],
  ['/checkout', false, {}],
  ['/checkout', false, {}, () => localStorage.setItem('partner_hub.cart', JSON.stringify({ ...cart, savedAt: Date.now() }))],
  ['/checkout', true, {}, () => localStorage.setItem('partner_hub.cart', JSON.stringify({ ...cart, savedAt: Date.now() }))],
  ['/app/checkout/complete/sub_1', true, { 'GET /api/v1/subscriptions/sub_1': () => json(subscription), 'GET /api/v1/customer/invoices': () => json({ data: [invoice], next_cursor: null }) }],
  ['/app/subscriptions', true, { 'GET /api/v1/customer/subscriptions': empty }],
  ['/app/subscriptions', true, { 'GET /api/v1/customer/subscriptions': () => json({ data: [subscription], next_cursor: null }) }],
  ['/app/subscriptions/sub_1', true, { 'GET /api/v1/subscriptions/sub_1': () => json(subscription) }],
  ['/app/subscriptions/sub_9', true, { 'GET /api/v1/subscriptions/sub_9': () => problem(404, 'not_found') }],
  ['/app/billing', true, { 'GET /api/v1/customer/invoices': empty }],
  ['/app/billing', true, { 'GET /api/v1/customer/invoices': () => json({ data: [invoice], next_cursor: null }) }],
  ['/app/billing/invoices/inv_1', true, { 'GET /api/v1/customer/invoices/inv_1': () => json(invoice) }],
  ['/app/account/setup', true, { 'GET /api/v1/customer/account': () => problem(404, 'not_found') }],
  ...['submitted', 'rejected', 'approved', 'active'].map((status): Case => ['/app/account/setup', true, { 'GET /api/v1/customer/account': () => json(account(status)) }]),
  ['/partnership/tok_1', false, { 'GET /api/v1/partnership-invitations/tok_1': () => json({ account_name: 'Kunde GmbH', status: 'pending', expires_at: '2099-01-01T00:00:00Z' }) }],
  ['/partnership/tok_1', true, { 'GET /api/v1/partnership-invitations/tok_1': () => json({ account_name: 'Kunde GmbH', status: 'superseded', expires_at: '2099-01-01T00:00:00Z' }) }],
];

describe('the client’s pages in German', () => {
  beforeAll(async () => {
    await i18n.changeLanguage('de');
  });
  afterAll(async () => {
    await i18n.changeLanguage('en');
  });

  it.each(CASES.map((c, i) => [`${c[0]} #${i}`, c] as const))('%s', async (_name, [path, signedIn, handlers, setup]) => {
    if (signedIn) signIn();
    setup?.();
    mockApi({ 'GET /api/v1/me': () => json(me), ...handlers });
    clearCatalogueMisses();
    renderRoutes(path);
    await screen.findByRole('heading', { level: 1 }, SLOW);
    // Let the page settle (the data after the heading, a lazy section).
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(screen.queryByTestId('error-state')).not.toBeInTheDocument();
    expect(catalogueMisses()).toEqual([]);
    expect(englishLines(document.body, NAMES)).toEqual([]);
  });
});
