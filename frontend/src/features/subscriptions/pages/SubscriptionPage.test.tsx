import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { customerMe as me, subscription } from '@/test/commerce';
import { json, mockApi, problem, renderRoutes, signIn } from '@/test/utils';

const SLOW = { timeout: 10_000 };


describe('subscription page', () => {
  it('shows the refund in the cancel dialog before anything is cancelled', async () => {
    signIn();
    const { calls } = mockApi({
      'GET /api/v1/me': () => json(me),
      'GET /api/v1/subscriptions/sub_1': () => json(subscription()),
      'GET /api/v1/subscriptions/sub_1/cancellation': () =>
        json({ outcome: 'refund', refund_cents: 73151, currency: 'USD', ends_at: '2026-12-04T10:00:00Z' }),
      'POST /api/v1/subscriptions/sub_1/cancel': () => json(subscription({ status: 'cancelled', ended_at: '2026-12-04T10:00:00Z' })),
    });
    renderRoutes('/app/subscriptions/sub_1');
    expect(await screen.findByRole('heading', { level: 1, name: 'Microsoft 365 Business Standard' }, SLOW)).toBeInTheDocument();
    expect(screen.getByTestId('subscription-status')).toHaveTextContent('Active');

    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Cancel subscription' }));
    const dialog = await screen.findByRole('dialog', {}, SLOW);
    expect(await within(dialog).findByText('You get a refund of $731.51.', {}, SLOW)).toBeInTheDocument();
    expect(within(dialog).getByText(/The subscription ends now/)).toBeInTheDocument();
    // Shown, not done: nothing was posted yet.
    expect(calls.some((c) => c.method === 'POST')).toBe(false);

    await user.click(within(dialog).getByRole('button', { name: 'Yes, cancel' }));
    expect(await screen.findByTestId('cancel-done', {}, SLOW)).toHaveTextContent('$731.51 will be refunded');
    expect(calls.filter((c) => c.method === 'POST').map((c) => c.path)).toEqual(['/api/v1/subscriptions/sub_1/cancel']);
    await waitFor(() => expect(screen.getByTestId('subscription-status')).toHaveTextContent('Cancelled'));
    expect(screen.queryByRole('button', { name: 'Cancel subscription' })).not.toBeInTheDocument();
  });

  it('shows the end date instead after the 7 days, and keeping it posts nothing', async () => {
    signIn();
    const { calls } = mockApi({
      'GET /api/v1/me': () => json(me),
      'GET /api/v1/subscriptions/sub_1': () => json(subscription()),
      'GET /api/v1/subscriptions/sub_1/cancellation': () =>
        json({ outcome: 'end_at_term_end', refund_cents: 0, currency: 'USD', ends_at: '2027-12-01T10:00:00Z' }),
    });
    renderRoutes('/app/subscriptions/sub_1');
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Cancel subscription' }, SLOW));
    const dialog = await screen.findByRole('dialog', {}, SLOW);
    expect(await within(dialog).findByText('The subscription ends on Dec 1, 2027.', {}, SLOW)).toBeInTheDocument();
    expect(within(dialog).getByText(/Nothing is refunded/)).toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: 'Keep the subscription' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(calls.some((c) => c.method === 'POST')).toBe(false);
  });

  it('previews the prorated charge of more users, and shows a declined payment', async () => {
    signIn();
    const { calls } = mockApi({
      'GET /api/v1/me': () => json(me),
      'GET /api/v1/subscriptions/sub_1': () => json(subscription()),
      'GET /api/v1/subscriptions/sub_1/seat-change': (r) => {
        const seats = Number(new URLSearchParams(r.query).get('seats'));
        return seats > 5
          ? json({ seats, effective: 'now', prorated_charge_cents: (seats - 5) * 14877, currency: 'USD' })
          : json({ seats, effective: 'at_renewal', prorated_charge_cents: 0, currency: 'USD' });
      },
      'PATCH /api/v1/subscriptions/sub_1': () => problem(402, 'card_declined'),
    });
    renderRoutes('/app/subscriptions/sub_1');
    const input = await screen.findByRole('textbox', { name: /New number of users/ }, SLOW);
    const user = userEvent.setup();
    await user.clear(input);
    await user.type(input, '8');
    expect(await screen.findByText(/You are charged \$446\.31 now for the added users/, {}, SLOW)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Add users and pay $446.31' }));
    expect(await screen.findByTestId('seat-payment-failed', {}, SLOW)).toHaveTextContent('The card was declined. The number of users has not changed.');
    expect(calls.find((c) => c.method === 'PATCH')?.body).toEqual({ seats: 8 });

    await user.clear(input);
    await user.type(input, '3');
    expect(await screen.findByText(/Fewer users take effect at the renewal on Dec 1, 2027/, {}, SLOW)).toBeInTheDocument();
  });

  it('shows a scheduled decrease', async () => {
    signIn();
    mockApi({
      'GET /api/v1/me': () => json(me),
      'GET /api/v1/subscriptions/sub_1': () => json(subscription({ scheduled_seats: 3 })),
    });
    renderRoutes('/app/subscriptions/sub_1');
    expect(await screen.findByText('5 now, 3 from the renewal on Dec 1, 2027', {}, SLOW)).toBeInTheDocument();
  });

  it('says when the subscription is not found (or not yours)', async () => {
    signIn();
    mockApi({ 'GET /api/v1/me': () => json(me), 'GET /api/v1/subscriptions/sub_9': () => problem(404, 'not_found') });
    renderRoutes('/app/subscriptions/sub_9');
    expect(await screen.findByRole('heading', { name: 'Subscription not found' }, SLOW)).toBeInTheDocument();
  });
});

describe('subscriptions list', () => {
  it('has an empty state', async () => {
    signIn();
    mockApi({ 'GET /api/v1/me': () => json(me), 'GET /api/v1/customer/subscriptions': () => json({ data: [], next_cursor: null }) });
    renderRoutes('/app/subscriptions');
    expect(await screen.findByText('No subscriptions yet', {}, SLOW)).toBeInTheDocument();
  });

  it('lists the subscriptions with their renewal', async () => {
    signIn();
    mockApi({
      'GET /api/v1/me': () => json(me),
      'GET /api/v1/customer/subscriptions': () => json({ data: [subscription(), subscription({ id: 'sub_2', auto_renew: false })], next_cursor: null }),
    });
    renderRoutes('/app/subscriptions');
    const rows = await screen.findAllByTestId('subscription-row', {}, SLOW);
    expect(rows[0]).toHaveTextContent('Renews on Dec 1, 2027 for $750.00');
    expect(rows[1]).toHaveTextContent('Ends on Dec 1, 2027 (auto-renew is off)');
  });
});
