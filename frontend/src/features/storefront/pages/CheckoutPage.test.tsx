import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { tokenStore } from '@/lib/api/tokens';
import { authResponse, json, mockApi, problem, renderRoutes, signIn } from '@/test/utils';
import { loadCart, saveCart } from '../lib/cart';
import { rememberReferral } from '../lib/referral';
import { checkoutResult, customerMe, standard } from './storefront.fixtures';

const SLOW = { timeout: 10_000 };

/** The Idempotency-Key of every POST /checkout the fake backend saw. */
function checkoutKeys(fetchMock: { mock: { calls: unknown[][] } }): (string | null)[] {
  return fetchMock.mock.calls
    .map(([input]) => input as Request)
    .filter((r) => r.method === 'POST' && new URL(r.url).pathname === '/api/v1/checkout')
    .map((r) => r.headers.get('Idempotency-Key'));
}

describe('checkout', () => {
  it('keeps the cart through an inline sign-up and buys with the remembered referral code', async () => {
    saveCart({ plan: standard, term: 'yearly', seats: 5, backTo: '/r/greta42' });
    rememberReferral('greta42', 'Greta G.');
    const { calls, fetchMock } = mockApi({
      'POST /api/v1/auth/register': () =>
        json({ ...authResponse({ access_token: 'c1', refresh_token: 'cr1' }), user: { ...customerMe, created_at: '2026-12-01T10:00:00Z' } }, 201),
      'GET /api/v1/me': () => json(customerMe),
      'POST /api/v1/checkout': () => json(checkoutResult(), 201),
    });
    const { router } = renderRoutes('/checkout');
    expect(await screen.findByTestId('order-summary', {}, SLOW)).toHaveTextContent('Microsoft 365 Business Standard');
    expect(screen.getByTestId('due-today')).toHaveTextContent('$750.00');
    expect(screen.getByTestId('credited-to')).toHaveTextContent('Greta G.');

    const user = userEvent.setup();
    await user.type(screen.getByRole('textbox', { name: /Full name/ }), 'Kim Customer');
    await user.type(screen.getByRole('textbox', { name: /Email/ }), 'kim@example.com');
    await user.type(screen.getByLabelText(/^Password/), 'a long enough password');
    await user.click(screen.getByRole('button', { name: 'Create account and continue' }));

    expect(await screen.findByTestId('buyer', {}, SLOW)).toHaveTextContent('Kim Customer');
    expect(calls.find((c) => c.path === '/api/v1/auth/register')?.body).toMatchObject({ role: 'customer', email: 'kim@example.com' });
    expect(tokenStore.getAccessToken()).toBe('c1');
    // Signing up did not touch the cart.
    expect(loadCart()).toMatchObject({ seats: 5, term: 'yearly' });
    expect(screen.getByTestId('order-summary')).toHaveTextContent('5 users');

    await user.click(screen.getByRole('radio', { name: 'Visa (succeeds)' }));
    await user.click(screen.getByRole('button', { name: 'Pay and subscribe' }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/app/checkout/complete/sub_1'));
    expect(calls.find((c) => c.path === '/api/v1/checkout')?.body).toEqual({
      plan_id: 'pln_m365_business_standard',
      billing_term: 'yearly',
      seats: 5,
      referral_code: 'greta42',
      payment_method: 'pm_card_visa',
    });
    expect(checkoutKeys(fetchMock)[0]).toMatch(/^[0-9a-f-]{36}$/);
    expect(loadCart()).toBeNull();
    // The confirmation comes from the checkout's answer, without asking again.
    expect(await screen.findByTestId('invoice-number', {}, SLOW)).toHaveTextContent('Invoice 2026-000001 over $750.00.');
    expect(screen.getByRole('link', { name: 'Set up the Microsoft account' })).toHaveAttribute('href', '/app/account/setup');
  });

  it('shows a declined card clearly, and a new card is a new attempt with a new key', async () => {
    signIn();
    saveCart({ plan: standard, term: 'monthly', seats: 2, backTo: '/plans' });
    let answer = problem(402, 'card_declined', { detail: 'The card was declined.' });
    const { fetchMock } = mockApi({
      'GET /api/v1/me': () => json(customerMe),
      'POST /api/v1/checkout': () => answer,
    });
    const { router } = renderRoutes('/checkout');
    const user = userEvent.setup();
    await user.click(await screen.findByRole('radio', { name: 'Declined card' }, SLOW));
    await user.click(screen.getByRole('button', { name: 'Pay and subscribe' }));
    const alert = await screen.findByTestId('payment-failed', {}, SLOW);
    expect(alert).toHaveTextContent('The card was declined. Choose another payment method');
    expect(alert).toHaveTextContent('Nothing was charged');
    expect(router.state.location.pathname).toBe('/checkout');

    answer = problem(402, 'insufficient_funds');
    await user.click(screen.getByRole('radio', { name: 'Insufficient funds' }));
    await user.click(screen.getByRole('button', { name: 'Pay and subscribe' }));
    await waitFor(() => expect(screen.getByTestId('payment-failed')).toHaveTextContent('insufficient funds'));
    const keys = checkoutKeys(fetchMock);
    expect(keys).toHaveLength(2);
    expect(keys[0]).not.toBe(keys[1]);
  });

  it('retries a submission that got no answer with the same key', async () => {
    signIn();
    saveCart({ plan: standard, term: 'monthly', seats: 2, backTo: '/plans' });
    let attempts = 0;
    const { fetchMock } = mockApi({
      'GET /api/v1/me': () => json(customerMe),
      'POST /api/v1/checkout': () => {
        attempts += 1;
        if (attempts === 1) throw new TypeError('Failed to fetch');
        if (attempts === 2) return problem(409, 'idempotency_key_in_use');
        return json(checkoutResult(2), 201);
      },
    });
    const { router } = renderRoutes('/checkout');
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Pay and subscribe' }, SLOW));
    expect(await screen.findByTestId('payment-network', {}, SLOW)).toHaveTextContent('you will not be charged twice');
    await user.click(screen.getByRole('button', { name: 'Pay and subscribe' }));
    expect(await screen.findByTestId('payment-in-use', {}, SLOW)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Pay and subscribe' }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/app/checkout/complete/sub_1'));
    const keys = checkoutKeys(fetchMock);
    expect(keys).toHaveLength(3);
    expect(new Set(keys).size).toBe(1);
  });

  it('lets a signed-in freelancer buy for a client, saying their own link earns nothing', async () => {
    signIn();
    saveCart({ plan: standard, term: 'monthly', seats: 1, backTo: '/plans' });
    mockApi({ 'GET /api/v1/me': () => json({ ...customerMe, roles: ['freelancer'] }) });
    renderRoutes('/checkout');
    expect(await screen.findByTestId('freelancer-buyer', {}, SLOW)).toHaveTextContent('earns no commission');
    expect(screen.getByRole('button', { name: 'Pay and subscribe' })).toBeInTheDocument();
  });

  it('tells signed-in staff that buying takes a customer account', async () => {
    signIn();
    saveCart({ plan: standard, term: 'monthly', seats: 1, backTo: '/plans' });
    mockApi({ 'GET /api/v1/me': () => json({ ...customerMe, roles: ['support'] }) });
    renderRoutes('/checkout');
    expect(await screen.findByTestId('not-customer', {}, SLOW)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Pay and subscribe' })).not.toBeInTheDocument();
  });

  it('has an empty state without a cart', async () => {
    mockApi({});
    renderRoutes('/checkout');
    expect(await screen.findByText('Your cart is empty', {}, SLOW)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'See the plans' })).toHaveAttribute('href', '/plans');
  });
});
