import { describe, expect, it } from 'vitest';
import type { CheckoutRequest } from '../api/types';
import { clearCart, idempotencyKeyFor, loadCart, saveCart, settleAttempt } from './cart';
import { DAY_MS } from './storage';

const plan = {
  id: 'pln_m365_business_standard',
  product_id: 'prd_microsoft_365',
  product_name: 'Microsoft 365',
  name: 'Microsoft 365 Business Standard',
  description: 'Everything in Basic plus desktop Office apps and webinars.',
  currency: 'USD',
  monthly_price_cents: 1500,
  yearly_price_cents: 15000,
  commission_rate_bps: 1500,
};
const T0 = Date.parse('2026-12-01T10:00:00Z');
const body = (payment_method: string): CheckoutRequest => ({
  plan_id: plan.id,
  billing_term: 'yearly',
  seats: 5,
  referral_code: 'greta42',
  payment_method,
});

describe('cart', () => {
  it('keeps the choice (only what checkout needs) until it is cleared', () => {
    saveCart({ plan, term: 'yearly', seats: 5, backTo: '/r/greta42' }, T0);
    const cart = loadCart(T0 + DAY_MS);
    expect(cart).toMatchObject({ term: 'yearly', seats: 5, backTo: '/r/greta42', plan: { id: plan.id, yearly_price_cents: 15000 } });
    expect(cart?.plan).not.toHaveProperty('commission_rate_bps');
    clearCart();
    expect(loadCart(T0)).toBeNull();
  });

  it('drops a stale or broken cart', () => {
    saveCart({ plan, term: 'monthly', seats: 3, backTo: '/plans' }, T0);
    expect(loadCart(T0 + 7 * DAY_MS)).toBeNull();
    localStorage.setItem('partner_hub.cart', JSON.stringify({ plan, term: 'monthly', seats: 51, backTo: '/plans', savedAt: T0 }));
    expect(loadCart(T0)).toBeNull();
  });
});

describe('idempotencyKeyFor', () => {
  it('reuses the key for a retry of the same submission, survives a reload, and changes with the body', () => {
    saveCart({ plan, term: 'yearly', seats: 5, backTo: '/plans' });
    const first = idempotencyKeyFor(body('pm_card_visa'));
    expect(first).toMatch(/^[0-9a-f-]{36}$/);
    expect(idempotencyKeyFor(body('pm_card_visa'))).toBe(first);
    // Stored with the cart: a reload of the page retries with the same key.
    expect(loadCart()?.attempt?.key).toBe(first);
    const other = idempotencyKeyFor(body('pm_card_declined'));
    expect(other).not.toBe(first);
  });

  it('starts a new attempt once the last one was answered', () => {
    saveCart({ plan, term: 'yearly', seats: 5, backTo: '/plans' });
    const first = idempotencyKeyFor(body('pm_card_insufficient_funds'));
    settleAttempt();
    expect(loadCart()?.attempt).toBeUndefined();
    expect(idempotencyKeyFor(body('pm_card_insufficient_funds'))).not.toBe(first);
  });
});
