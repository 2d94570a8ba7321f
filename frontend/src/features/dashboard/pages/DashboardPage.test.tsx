import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
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
  earnings: { pending_cents: 12345, available_cents: 100000, since_joining_cents: 112345, currency: 'USD' },
  licenses_sold: 42,
  subscriptions_by_status: { active: 3, cancelled: 1 },
  tier: 'top_rated',
  clearing_days: 7,
  eligible_since: '2026-11-01T00:00:00Z',
};

describe('DashboardPage', () => {
  it('shows the referral link, earnings in dollars, licences and subscriptions by status', async () => {
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
    expect(screen.getByTestId('licences-sold')).toHaveTextContent('42');
    expect(screen.getByTestId('tier')).toHaveTextContent('Top Rated');
    expect(screen.getByText('Funds clear 7 days after activation. Eligible since Nov 1, 2026.')).toBeInTheDocument();
    const rows = screen.getByTestId('subscriptions-by-status').querySelectorAll('tbody tr');
    expect([...rows].map((row) => row.textContent)).toEqual(['Pending0', 'Active3', 'Suspended0', 'Cancelled1', 'Expired0']);
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
