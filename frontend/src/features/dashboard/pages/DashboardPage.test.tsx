import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { json, mockApi, problem, renderRoutes, signIn } from '@/test/utils';

const SLOW = { timeout: 10_000 };

const me = (missing_steps: string[]) => ({
  id: 'usr_1',
  email: 'ada@example.com',
  full_name: 'Ada Lovelace',
  roles: ['freelancer'],
  freelancer: {
    id: 'fl_1',
    status: 'approved',
    tier: 'top_rated',
    eligible: missing_steps.length === 0,
    missing_steps,
    onboarding_required: true,
  },
});

const dashboard = {
  referral_link: 'https://partner-hub.example/r/ada123',
  referral_code: 'ada123',
  earnings: { pending_cents: 12345, available_cents: 100000, since_joining_cents: 112345, currency: 'USD', provisional: true },
  licenses_sold: 42,
  subscriptions_by_status: { active: 3, cancelled: 1 },
  tier: 'top_rated',
  clearing_days: 7,
  eligible_since: '2026-11-01T00:00:00Z',
  recent_sales: [
    {
      subscription_id: 'sub_2',
      plan_name: 'Microsoft 365 Business Standard',
      billing_term: 'yearly',
      seats: 5,
      status: 'active',
      created_at: '2026-12-01T10:00:00Z',
      commission_cents: 11250,
    },
    {
      subscription_id: 'sub_1',
      plan_name: 'Microsoft 365 Business Basic',
      billing_term: 'monthly',
      seats: 2,
      status: 'cancelled',
      created_at: '2026-11-20T10:00:00Z',
      commission_cents: null,
    },
  ],
  link_clicks: { total: 120, last_30_days: 40 },
  conversion: { clicks_30_days: 40, sales_30_days: 2, rate_bps: 500 },
};

const newcomer = {
  ...dashboard,
  earnings: { pending_cents: 0, available_cents: 0, since_joining_cents: 0, currency: 'USD', provisional: true },
  licenses_sold: 0,
  subscriptions_by_status: {},
  recent_sales: [],
  link_clicks: { total: 0, last_30_days: 0 },
  conversion: { clicks_30_days: 0, sales_30_days: 0, rate_bps: null },
};

describe('DashboardPage', () => {
  it('shows the referral link, provisional earnings in dollars, licences, clicks, conversion, status chips and recent sales', async () => {
    signIn();
    mockApi({
      'GET /api/v1/me': () => json(me([])),
      'GET /api/v1/me/dashboard': () => json(dashboard),
    });
    renderRoutes('/app/dashboard');
    expect(await screen.findByRole('textbox', { name: 'Referral link' }, SLOW)).toHaveValue(dashboard.referral_link);
    expect(screen.getByRole('button', { name: 'Copy link' })).toBeInTheDocument();
    expect(screen.getByTestId('earnings-pending')).toHaveTextContent('$123.45');
    expect(screen.getByTestId('earnings-available')).toHaveTextContent('$1,000.00');
    expect(screen.getByTestId('earnings-total')).toHaveTextContent('$1,123.45');
    expect(screen.getByTestId('provisional')).toHaveTextContent('Provisional');
    expect(screen.getByRole('link', { name: 'Final figures are on the Earnings page.' })).toHaveAttribute('href', '/app/earnings');
    expect(screen.getByTestId('link-clicks')).toHaveTextContent('120');
    expect(screen.getByText('40 in the last 30 days.')).toBeInTheDocument();
    expect(screen.getByTestId('conversion')).toHaveTextContent('5%');
    expect(screen.getByText('2 sales from 40 clicks.')).toBeInTheDocument();
    expect(screen.getByTestId('licences-sold')).toHaveTextContent('42');
    expect(screen.getByTestId('tier')).toHaveTextContent('Top Rated');
    expect(screen.getByText('Funds clear 7 days after activation. Eligible since Nov 1, 2026.')).toBeInTheDocument();
    const chips = screen.getByTestId('subscriptions-by-status').querySelectorAll('[data-status]');
    expect([...chips].map((chip) => chip.textContent)).toEqual(['Pending: 0', 'Active: 3', 'Suspended: 0', 'Cancelled: 1', 'Expired: 0']);
    const sales = screen.getAllByTestId('recent-sale');
    expect(sales).toHaveLength(2);
    expect(sales[0]).toHaveTextContent('Microsoft 365 Business Standard · Yearly');
    expect(sales[0]).toHaveTextContent('Active');
    expect(sales[0]).toHaveTextContent('$112.50');
    expect(sales[1]).toHaveTextContent('Cancelled');
    expect(sales[1]).toHaveTextContent('—');
    expect(screen.getByRole('link', { name: 'All subscriptions' })).toHaveAttribute('href', '/app/sales');
  });

  it('says "Copied" after the link is copied', async () => {
    signIn();
    const writeText = vi.fn().mockResolvedValue(undefined);
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    mockApi({
      'GET /api/v1/me': () => json(me([])),
      'GET /api/v1/me/dashboard': () => json(dashboard),
    });
    renderRoutes('/app/dashboard');
    await userEvent.click(await screen.findByRole('button', { name: 'Copy link' }, SLOW));
    expect(writeText).toHaveBeenCalledWith(dashboard.referral_link);
    expect(await screen.findByRole('button', { name: 'Copied' })).toBeInTheDocument();
  });

  it('shows a new freelancer an empty state instead of sales, and no conversion without clicks', async () => {
    signIn();
    mockApi({
      'GET /api/v1/me': () => json(me([])),
      'GET /api/v1/me/dashboard': () => json(newcomer),
    });
    renderRoutes('/app/dashboard');
    expect(await screen.findByText('No subscriptions yet', {}, SLOW)).toBeInTheDocument();
    expect(screen.queryByTestId('recent-sales')).not.toBeInTheDocument();
    expect(screen.getByTestId('conversion')).toHaveTextContent('—');
    expect(screen.getByText('No clicks in the last 30 days.')).toBeInTheDocument();
    expect(screen.getByTestId('earnings-total')).toHaveTextContent('$0.00');
  });

  it('sends a freelancer who is not eligible yet to the next missing step, with a notice', async () => {
    signIn();
    mockApi({
      'GET /api/v1/me': () => json(me(['terms'])),
      'GET /api/v1/me/dashboard': () =>
        new Response(
          JSON.stringify({ type: 'about:blank', title: 'Forbidden', status: 403, code: 'not_eligible', detail: 'Not yet.', missing_steps: ['terms'] }),
          { status: 403, headers: { 'Content-Type': 'application/problem+json' } },
        ),
      'GET /api/v1/me/profile': () => problem(500, 'internal_error'),
      'GET /api/v1/me/tax-form': () => problem(404, 'not_found'),
      'GET /api/v1/terms/current': () =>
        json({ version: 1, locale: 'en', title: 'Terms', body: 'Be nice to your clients, always.', published_at: '2026-11-27T00:00:00Z' }),
    });
    const { router } = renderRoutes('/app/dashboard');
    expect(await screen.findByTestId('gate-notice', {}, SLOW)).toHaveTextContent('Your dashboard is not open yet');
    expect(router.state.location.pathname).toBe('/app/onboarding/terms');
  });

  it('keeps freelancers only', async () => {
    signIn();
    mockApi({ 'GET /api/v1/me': () => json({ ...me([]), roles: ['customer'], freelancer: null }) });
    renderRoutes('/app/dashboard');
    expect(await screen.findByRole('heading', { name: 'No access' }, SLOW)).toBeInTheDocument();
  });
});
