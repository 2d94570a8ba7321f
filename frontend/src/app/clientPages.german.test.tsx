// The client's pages (issue 8) in German, the way e2e/german.spec.mjs walks them: every
// page has its heading, no catalogue miss, no English word; with empty data (a customer
// who has bought nothing yet) and with some.
import { screen } from '@testing-library/react';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import i18n from '@/i18n';
import { catalogueMisses, clearCatalogueMisses } from '@/i18n/misses';
import { englishLines } from '@/test/german';
import type { ResultOf } from '@/lib/api/operations';
import { customerAccount, invoice as invoiceOf, plans as seeded, subscription as subscriptionOf } from '@/test/commerce';
import { json, mockApi, problem, renderRoutes, signIn } from '@/test/utils';

const SLOW = { timeout: 10_000 };
const me = { id: 'usr_2', email: 'karl@example.com', full_name: 'Karl Kunde', roles: ['customer'], locale: 'de', email_verified: true };
const NAMES = ['Karl Kunde', 'Greta Gründlich', 'Kunde GmbH'];

type AccountStatus = ResultOf<'get_my_customer_account'>['status'];

// English descriptions: the seeded plans' German text comes from the catalogue.
const plans = seeded.map((plan) => ({ ...plan, description: 'English text that the catalogue translates.' }));
const subscription = subscriptionOf({
  scheduled_seats: 3,
  status: 'pending',
  activated_at: null,
  renewal_unit_price_cents: 16000,
  renewal_total_cents: 48000,
  account_id: null,
  freelancer: { id: 'fl_1', display_name: 'Greta Gründlich' },
});
const invoice = invoiceOf({ bill_to: { name: 'Karl Kunde', email: 'karl@example.com', address: null, country: 'DE' }, lines: [] });
const account = (status: AccountStatus) =>
  customerAccount({
    status,
    account_name: 'Kunde GmbH',
    address: { line1: 'Domstraße 1', line2: null, city: 'Köln', region: null, postal_code: '50667', country: 'DE' },
    primary_contact: { name: 'Karl Kunde', email: 'karl@example.com', phone: '+49 221 123456' },
    domain: 'kunde.onmicrosoft.com',
    rejection_reason: status === 'rejected' ? 'Bitte geben Sie die vollständige Anschrift an.' : null,
    partnership_accepted_at: status === 'active' ? '2026-12-03T10:00:00Z' : null,
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
  ['/app/checkout/complete/sub_9', true, { 'GET /api/v1/subscriptions/sub_9': () => problem(404, 'not_found'), 'GET /api/v1/customer/invoices': empty }],
  ['/app/subscriptions', true, { 'GET /api/v1/customer/subscriptions': empty }],
  ['/app/subscriptions', true, { 'GET /api/v1/customer/subscriptions': () => json({ data: [subscription], next_cursor: null }) }],
  ['/app/subscriptions/sub_1', true, { 'GET /api/v1/subscriptions/sub_1': () => json(subscription) }],
  ['/app/subscriptions/sub_9', true, { 'GET /api/v1/subscriptions/sub_9': () => problem(404, 'not_found') }],
  ['/app/billing', true, { 'GET /api/v1/customer/invoices': empty }],
  ['/app/billing', true, { 'GET /api/v1/customer/invoices': () => json({ data: [invoice], next_cursor: null }) }],
  ['/app/billing/invoices/inv_1', true, { 'GET /api/v1/customer/invoices/inv_1': () => json(invoice) }],
  ['/app/account/setup', true, { 'GET /api/v1/customer/account': () => problem(404, 'not_found') }],
  ...(['submitted', 'rejected', 'approved', 'active'] as const).map((status): Case => ['/app/account/setup', true, { 'GET /api/v1/customer/account': () => json(account(status)) }]),
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
