import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { eligibleFreelancerMe, json, mockApi, renderRoutes, signIn } from '@/test/utils';

const SLOW = { timeout: 10_000 };

const me = eligibleFreelancerMe;

const subscription = (id: string, status: string, plan_name: string) => ({
  id,
  plan_id: `plan_${id}`,
  plan_name,
  billing_term: 'yearly',
  seats: 5,
  status,
  auto_renew: true,
  cancellation_allowed_until: '2026-12-08T10:00:00Z',
  created_at: '2026-12-01T10:00:00Z',
  currency: 'USD',
  current_term_end: '2027-12-01T10:00:00Z',
  renewal_total_cents: 75000,
  renewal_unit_price_cents: 15000,
  self_referral: false,
  term_start: '2026-12-01T10:00:00Z',
  unit_price_cents: 15000,
});

const plans = {
  data: [
    { id: 'plan_basic', name: 'Microsoft 365 Business Basic' },
    { id: 'plan_standard', name: 'Microsoft 365 Business Standard' },
  ],
};

const original = { create: URL.createObjectURL, revoke: URL.revokeObjectURL };
afterEach(() => {
  URL.createObjectURL = original.create;
  URL.revokeObjectURL = original.revoke;
});

describe('SalesPage', () => {
  it('lists the subscriptions sold, filters them, loads more and downloads the CSV with the same filters', async () => {
    signIn();
    const { calls } = mockApi({
      'GET /api/v1/me': () => json(me),
      'GET /api/v1/plans': () => json(plans),
      'GET /api/v1/me/subscriptions': (r) =>
        r.query.includes('cursor=c2')
          ? json({ data: [subscription('sub_3', 'expired', 'Microsoft 365 Business Basic')], next_cursor: null })
          : json({
              data: [subscription('sub_1', 'active', 'Microsoft 365 Business Standard'), subscription('sub_2', 'cancelled', 'Microsoft 365 Business Basic')],
              next_cursor: 'c2',
            }),
      'GET /api/v1/me/subscriptions.csv': () => new Response('id,plan\nsub_1,Standard\n', { headers: { 'Content-Type': 'text/csv' } }),
    });
    URL.createObjectURL = vi.fn(() => 'blob:csv');
    URL.revokeObjectURL = vi.fn();
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});

    const { router } = renderRoutes('/app/sales?status=active&from=2026-11-01');
    const rows = await screen.findAllByTestId('sale-row', {}, SLOW);
    expect(rows).toHaveLength(2);
    expect(rows[0]).toHaveTextContent('Microsoft 365 Business Standard');
    expect(rows[0]).toHaveTextContent('Active');
    expect(rows[0]).toHaveTextContent('$750.00');
    const first = calls.find((c) => c.path === '/api/v1/me/subscriptions');
    expect(first?.query).toContain('status=active');
    expect(first?.query).toContain('from=2026-11-01');

    await userEvent.click(screen.getByRole('button', { name: 'Load more' }));
    expect(await screen.findAllByTestId('sale-row')).toHaveLength(3);

    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Plan' }), 'Microsoft 365 Business Basic');
    await waitFor(() => expect(router.state.location.search).toContain('plan_id=plan_basic'));
    await waitFor(() => expect(calls.filter((c) => c.path === '/api/v1/me/subscriptions').at(-1)?.query).toContain('plan_id=plan_basic'));

    await userEvent.click(screen.getByRole('button', { name: 'Download CSV' }));
    await waitFor(() => expect(click).toHaveBeenCalled());
    const csv = calls.find((c) => c.path === '/api/v1/me/subscriptions.csv');
    expect(csv?.authorization).toBe('Bearer access-1');
    expect(csv?.query).toContain('status=active');
    expect(csv?.query).toContain('plan_id=plan_basic');
  });

  it('shows the empty state before the first sale', async () => {
    signIn();
    mockApi({
      'GET /api/v1/me': () => json(me),
      'GET /api/v1/plans': () => json(plans),
      'GET /api/v1/me/subscriptions': () => json({ data: [], next_cursor: null }),
    });
    renderRoutes('/app/sales');
    expect(await screen.findByText('No subscriptions yet', {}, SLOW)).toBeInTheDocument();
  });
});
