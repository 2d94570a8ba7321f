// The cart: what the visitor chose on the plan page, kept in localStorage so that signing
// up or logging in (inline, or on another tab after confirming the email address) never
// loses it. It also holds the checkout attempt's Idempotency-Key: a retry of the same
// submission (a timeout, a reload) sends the same key, so the server charges once.
import type { BillingTerm, CheckoutRequest, Plan } from '../api/types';
import { isValidSeats } from './pricing';
import { DAY_MS, isRecord, readJson, remove, writeJson } from './storage';

const KEY = 'partner_hub.cart';
/** A cart nobody came back to within a week is stale (prices may have changed). */
export const CART_DAYS = 7;

export type CartPlan = Pick<Plan, 'id' | 'name' | 'product_name' | 'currency' | 'monthly_price_cents' | 'yearly_price_cents'>;

export interface Cart {
  plan: CartPlan;
  term: BillingTerm;
  seats: number;
  /** Where "change" goes back to: the referral link's page or /plans. */
  backTo: string;
  savedAt: number;
  /** The pending submission: its key and the body it was made for. */
  attempt?: { key: string; body: string };
}

function isPlan(value: unknown): value is CartPlan {
  return (
    isRecord(value) &&
    typeof value.id === 'string' &&
    typeof value.name === 'string' &&
    typeof value.product_name === 'string' &&
    typeof value.currency === 'string' &&
    typeof value.monthly_price_cents === 'number' &&
    typeof value.yearly_price_cents === 'number'
  );
}

function isCart(value: unknown): value is Cart {
  return (
    isRecord(value) &&
    isPlan(value.plan) &&
    (value.term === 'monthly' || value.term === 'yearly') &&
    isValidSeats(value.seats) &&
    typeof value.backTo === 'string' &&
    typeof value.savedAt === 'number'
  );
}

export function saveCart(choice: Omit<Cart, 'savedAt' | 'attempt'>, now = Date.now()): Cart {
  const plan: CartPlan = {
    id: choice.plan.id,
    name: choice.plan.name,
    product_name: choice.plan.product_name,
    currency: choice.plan.currency,
    monthly_price_cents: choice.plan.monthly_price_cents,
    yearly_price_cents: choice.plan.yearly_price_cents,
  };
  const cart: Cart = { plan, term: choice.term, seats: choice.seats, backTo: choice.backTo, savedAt: now };
  writeJson(KEY, cart);
  return cart;
}

export function loadCart(now = Date.now()): Cart | null {
  const value = readJson(KEY);
  if (isCart(value) && now - value.savedAt < CART_DAYS * DAY_MS) return value;
  if (value !== null) remove(KEY);
  return null;
}

export function clearCart(): void {
  remove(KEY);
}

function newKey(): string {
  return globalThis.crypto.randomUUID();
}

/**
 * The Idempotency-Key for submitting `body` from the stored cart: the same key while the
 * body is the same (a retry), a new one when anything changed (another card, other seats).
 */
export function idempotencyKeyFor(body: CheckoutRequest): string {
  const cart = loadCart();
  const serialised = JSON.stringify(body);
  if (cart?.attempt && cart.attempt.body === serialised) return cart.attempt.key;
  const key = newKey();
  if (cart) writeJson(KEY, { ...cart, attempt: { key, body: serialised } });
  return key;
}

/** After an answer that settles the attempt (a decline): the next submission is a new one. */
export function settleAttempt(): void {
  const cart = loadCart();
  if (cart?.attempt) {
    const { attempt: _settled, ...rest } = cart;
    writeJson(KEY, rest);
  }
}
