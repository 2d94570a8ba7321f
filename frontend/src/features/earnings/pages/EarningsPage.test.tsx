import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { eligibleFreelancerMe, json, mockApi, problem, renderRoutes, signIn, type RecordedRequest } from '@/test/utils';

const SLOW = { timeout: 10_000 };

const me = eligibleFreelancerMe;

const cause = {
  type: 'invoice',
  subscription_id: 'sub_1',
  invoice_id: 'inv_1',
  invoice_number: '2026-000012',
  plan_name: 'Microsoft 365 Business Standard',
  seats: 5,
  event_kind: 'created',
  withdrawal_id: null,
  appeal_id: null,
};

const entry = (overrides: Record<string, unknown>) => ({
  id: 'ern_1',
  kind: 'commission',
  status: 'pending',
  amount_cents: 11250,
  currency: 'USD',
  available_at: '2026-12-20T10:00:00Z',
  cleared_at: null,
  reversed_at: null,
  created_at: '2026-12-06T10:00:00Z',
  reason: null,
  rate_bps: 1500,
  base_cents: 75000,
  reverses_entry_id: null,
  clawback: false,
  appealable: false,
  cause,
  ...overrides,
});

const commission = entry({});
const clawback = entry({
  id: 'ern_2',
  kind: 'reversal',
  status: 'available',
  amount_cents: -5000,
  reason: 'Cancelled within the window; refunded in part.',
  rate_bps: null,
  base_cents: null,
  reverses_entry_id: 'ern_0',
  clawback: true,
  appealable: true,
  created_at: '2026-12-05T10:00:00Z',
  cause: { ...cause, type: 'credit_note', event_kind: 'cancelled' },
});

const balances = { pending_cents: 11250, available_cents: 25000, withdrawn_cents: 0, since_joining_cents: 36250, currency: 'USD' };

const months = Array.from({ length: 12 }, (_, i) => ({
  month: `2026-${String(i + 1).padStart(2, '0')}`,
  commission_cents: i === 11 ? 11250 : 0,
  reversed_cents: i === 11 ? 5000 : 0,
  net_cents: i === 11 ? 6250 : 0,
}));

function api(extra: Record<string, (r: RecordedRequest) => Response> = {}) {
  return mockApi({
    'GET /api/v1/me': () => json(me),
    'GET /api/v1/me/earnings': () => json({ balances, data: [commission, clawback], next_cursor: null }),
    'GET /api/v1/me/earnings/monthly': () => json({ currency: 'USD', months }),
    'GET /api/v1/me/earnings/forecast': () =>
      json({
        currency: 'USD',
        days: 90,
        total_cents: 11250,
        items: [
          {
            subscription_id: 'sub_1',
            plan_name: 'Microsoft 365 Business Standard',
            seats: 5,
            billing_term: 'yearly',
            renews_on: '2027-02-01',
            renewal_total_cents: 75000,
            commission_cents: 11250,
          },
        ],
      }),
    'GET /api/v1/me/withdrawals': () => json({ data: [], next_cursor: null }),
    ...extra,
  });
}

describe('EarningsPage', () => {
  it('shows the balances, the monthly chart (loaded lazily), entries with their cause, and the forecast', async () => {
    signIn();
    api();
    renderRoutes('/app/earnings');
    expect(await screen.findByTestId('balance-available', {}, SLOW)).toHaveTextContent('$250.00');
    expect(screen.getByText('Available funds')).toBeInTheDocument();
    expect(screen.getByTestId('balance-pending')).toHaveTextContent('$112.50');
    expect(screen.getByTestId('balance-withdrawn')).toHaveTextContent('$0.00');
    expect(screen.getByTestId('balance-since-joining')).toHaveTextContent('$362.50');
    expect(await screen.findByTestId('earnings-chart', {}, SLOW)).toBeInTheDocument();
    const rows = screen.getAllByTestId('earning-row');
    expect(rows).toHaveLength(2);
    expect(rows[0]).toHaveTextContent('Commission');
    expect(rows[0]).toHaveTextContent('Pending');
    expect(rows[0]).toHaveTextContent('Dec 20, 2026');
    expect(rows[0]).toHaveTextContent('Microsoft 365 Business Standard · 5 seats · purchase · invoice 2026-000012');
    expect(rows[1]).toHaveTextContent('Clawed back');
    expect(rows[1]).toHaveTextContent('-$50.00');
    expect(rows[1]).toHaveTextContent('credit note for 2026-000012');
    expect(await screen.findByTestId('forecast-total')).toHaveTextContent('$112.50');
    expect(screen.getByText('No withdrawals yet')).toBeInTheDocument();
  });

  it('passes the kind and status filters to the API', async () => {
    signIn();
    const { calls } = api();
    renderRoutes('/app/earnings?kind=reversal&status=available');
    await screen.findAllByTestId('earning-row', {}, SLOW);
    const list = calls.filter((c) => c.path === '/api/v1/me/earnings');
    expect(list.at(-1)?.query).toContain('kind=reversal');
    expect(list.at(-1)?.query).toContain('status=available');
  });

  it('opens an entry’s timeline as sentences, and appeals a clawback with an explanation', async () => {
    signIn();
    const { calls } = api({
      'GET /api/v1/me/earnings/ern_2': () =>
        json({
          entry: clawback,
          timeline: [
            { at: '2026-12-01T10:00:00Z', event: 'earned', available_at: null, amount_cents: 5000, reason: null, tier: null, clearing_days: null, entry_id: 'ern_0', appeal_id: null },
            { at: '2026-12-15T10:00:00Z', event: 'pending_until', available_at: '2026-12-15T10:00:00Z', amount_cents: null, reason: null, tier: 'standard', clearing_days: 14, entry_id: 'ern_0', appeal_id: null },
            { at: '2026-12-05T10:00:00Z', event: 'clawed_back', available_at: null, amount_cents: -5000, reason: 'Cancelled within the window; refunded in part.', tier: null, clearing_days: null, entry_id: 'ern_2', appeal_id: null },
          ],
          related: [entry({ id: 'ern_0', status: 'available', amount_cents: 5000 })],
        }),
      'POST /api/v1/appeals': () => json({ id: 'apl_1', status: 'open' }, 201),
    });
    renderRoutes('/app/earnings');
    const rows = await screen.findAllByTestId('earning-row', {}, SLOW);
    await userEvent.click(within(rows[1]!).getByRole('link'));
    const timeline = await screen.findByTestId('entry-timeline', {}, SLOW);
    expect(timeline).toHaveTextContent('Commission of $50.00 earned.');
    expect(timeline).toHaveTextContent('Available on Dec 15, 2026 — 14 days after activation.');
    expect(timeline).toHaveTextContent('Clawed back from your available funds: Cancelled within the window; refunded in part.');

    await userEvent.click(screen.getByRole('button', { name: 'Appeal this entry' }));
    const explanation = screen.getByRole('textbox', { name: /Explanation/ });
    await userEvent.type(explanation, 'Too short');
    await userEvent.click(screen.getByRole('button', { name: 'Send appeal' }));
    expect(await screen.findByText('Write at least 20 characters.')).toBeInTheDocument();
    await userEvent.type(explanation, ' — the client kept the seats and was not refunded.');
    await userEvent.click(screen.getByRole('button', { name: 'Send appeal' }));
    expect(await screen.findByTestId('appeal-sent')).toBeInTheDocument();
    expect(calls.find((c) => c.method === 'POST' && c.path === '/api/v1/appeals')?.body).toEqual({
      subject_type: 'earning',
      subject_id: 'ern_2',
      explanation: 'Too short — the client kept the seats and was not refunded.',
    });
  });

  it('downloads the filtered ledger as CSV and a yearly statement as PDF, with the bearer token', async () => {
    signIn();
    const year = new Date().getFullYear();
    const file = () => new Response('x', { headers: { 'Content-Type': 'text/csv' } });
    const { calls } = api({
      'GET /api/v1/me/earnings.csv': file,
      [`GET /api/v1/me/earnings/statements/${year}.pdf`]: file,
    });
    const original = { create: URL.createObjectURL, revoke: URL.revokeObjectURL };
    URL.createObjectURL = vi.fn(() => 'blob:x');
    URL.revokeObjectURL = vi.fn();
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    try {
      renderRoutes('/app/earnings?kind=reversal');
      await userEvent.click(await screen.findByRole('button', { name: 'Download entries (CSV)' }, SLOW));
      await waitFor(() => expect(click).toHaveBeenCalledTimes(1));
      await userEvent.click(screen.getByRole('button', { name: `Statement ${year} (PDF)` }));
      await waitFor(() => expect(click).toHaveBeenCalledTimes(2));
      const csv = calls.find((c) => c.path === '/api/v1/me/earnings.csv');
      expect(csv?.query).toBe('?kind=reversal');
      expect(csv?.authorization).toBe('Bearer access-1');
      expect(calls.some((c) => c.path === `/api/v1/me/earnings/statements/${year}.pdf`)).toBe(true);
    } finally {
      URL.createObjectURL = original.create;
      URL.revokeObjectURL = original.revoke;
    }
  });

  it('says so when the linked entry does not exist', async () => {
    signIn();
    api({ 'GET /api/v1/me/earnings/ern_x': () => problem(404, 'not_found') });
    renderRoutes('/app/earnings/ern_x');
    expect(await screen.findByText('No such entry', {}, SLOW)).toBeInTheDocument();
  });

  it('withdraws all available funds by default and shows the payout outcome', async () => {
    signIn();
    const { calls } = api({
      'POST /api/v1/me/withdrawals': () =>
        json(
          {
            id: 'wd_1',
            amount_cents: 25000,
            currency: 'USD',
            status: 'paid',
            payout_method: 'sandbox',
            failure_code: null,
            failure_reason: null,
            requested_at: '2026-12-06T10:00:00Z',
            decided_at: '2026-12-06T10:00:01Z',
          },
          201,
        ),
    });
    renderRoutes('/app/earnings');
    await userEvent.click(await screen.findByRole('button', { name: 'Withdraw' }, SLOW));
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByRole('textbox', { name: /Amount/ })).toHaveValue('250.00');
    expect(within(dialog).getByText('At least $10.00.')).toBeInTheDocument();
    await userEvent.click(within(dialog).getByRole('button', { name: 'Withdraw' }));
    expect(await screen.findByTestId('withdrawal-result')).toHaveTextContent('$250.00 is on its way to you.');
    expect(calls.find((c) => c.method === 'POST' && c.path === '/api/v1/me/withdrawals')?.body).toEqual({
      amount_cents: 25000,
      payout_method: 'sandbox',
    });
  });

  it('refuses less than $10 before asking, and shows the server’s problems inline', async () => {
    signIn();
    let answer = problem(409, 'withdrawal_in_flight', { detail: 'A withdrawal is already on its way.' });
    api({ 'POST /api/v1/me/withdrawals': () => answer });
    renderRoutes('/app/earnings');
    await userEvent.click(await screen.findByRole('button', { name: 'Withdraw' }, SLOW));
    const dialog = await screen.findByRole('dialog');
    const amount = within(dialog).getByRole('textbox', { name: /Amount/ });
    await userEvent.clear(amount);
    await userEvent.type(amount, '9.99');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Withdraw' }));
    expect(await within(dialog).findByText('The minimum withdrawal is $10.00.')).toBeInTheDocument();

    await userEvent.clear(amount);
    await userEvent.type(amount, '20');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Withdraw' }));
    expect(await within(dialog).findByTestId('problem-alert')).toHaveTextContent('A withdrawal is already on its way; wait until it is paid or has failed.');

    answer = problem(409, 'tax_form_required', { detail: 'A W-9 is needed.' });
    await userEvent.click(within(dialog).getByRole('button', { name: 'Withdraw' }));
    const taxForm = await within(dialog).findByTestId('tax-form-required');
    expect(within(taxForm).getByRole('link', { name: 'Fill in the W-9' })).toHaveAttribute('href', '/app/onboarding');

    answer = problem(409, 'insufficient_funds', { detail: 'Not enough.' });
    await userEvent.click(within(dialog).getByRole('button', { name: 'Withdraw' }));
    await waitFor(() => expect(amount).toHaveAttribute('aria-invalid', 'true'));
    expect(within(dialog).getByText('This is more than your available funds.')).toBeInTheDocument();
  });

  it('lists withdrawals with their status and the reason a payout failed', async () => {
    signIn();
    api({
      'GET /api/v1/me/withdrawals': () =>
        json({
          data: [
            {
              id: 'wd_2',
              amount_cents: 2000,
              currency: 'USD',
              status: 'failed',
              payout_method: 'sandbox_fail',
              failure_code: 'account_closed',
              failure_reason: 'The receiving account is closed',
              requested_at: '2026-12-06T10:00:00Z',
              decided_at: '2026-12-06T10:00:01Z',
            },
          ],
          next_cursor: null,
        }),
    });
    renderRoutes('/app/earnings');
    const row = await screen.findByTestId('withdrawal-row', {}, SLOW);
    expect(row).toHaveTextContent('Failed');
    expect(row).toHaveTextContent('Test payout (fails)');
    expect(row).toHaveTextContent('Failed: The receiving account is closed. The money is back in your available funds.');
  });
});
