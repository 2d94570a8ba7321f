import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { json, mockApi, problem, renderRoutes, signIn, type RecordedRequest } from '@/test/utils';
import type { EarningEntry } from '../api/types';
import { balances, clawback, entry, owner, staffMe } from '../test/fixtures';

const SLOW = { timeout: 10_000 };
const LEDGER = '/api/v1/admin/freelancers/fl_7/earnings';
const ADJUST = '/api/v1/admin/freelancers/fl_7/adjustments';

/** The Idempotency-Key of every adjustment POST the fake backend saw. */
function adjustmentKeys(fetchMock: { mock: { calls: unknown[][] } }): (string | null)[] {
  return fetchMock.mock.calls
    .map(([input]) => input as Request)
    .filter((r) => r.method === 'POST' && new URL(r.url).pathname === ADJUST)
    .map((r) => r.headers.get('Idempotency-Key'));
}

function open(adjust: (req: RecordedRequest) => Response) {
  signIn();
  const entries: EarningEntry[] = [clawback, entry()];
  const api = mockApi({
    'GET /api/v1/me': () => json(staffMe),
    'GET /api/v1/admin/freelancers/fl_7': () => json(owner),
    [`GET ${LEDGER}`]: (req) => {
      const kind = new URLSearchParams(req.query).get('kind');
      return json({ freelancer_id: 'fl_7', balances, data: entries.filter((e) => !kind || e.kind === kind), next_cursor: null });
    },
    [`POST ${ADJUST}`]: (req) => {
      const res = adjust(req);
      if (res.ok) {
        const body = req.body as { amount_cents: number; reason: string };
        entries.unshift(entry({ id: 'ern_9', kind: 'adjustment', status: 'available', amount_cents: body.amount_cents, reason: body.reason, rate_bps: null, base_cents: null, available_at: null, cause: { type: 'adjustment' } }));
      }
      return res;
    },
  });
  return { ...api, ...renderRoutes('/admin/freelancers/fl_7/earnings') };
}

describe('FreelancerLedgerPage', () => {
  it('shows the balances and every entry with its cause, a clawback marked as such', async () => {
    const { calls, router } = open(() => json({}, 201));
    expect(await screen.findByRole('heading', { name: 'Ledger of Frida Freelancer', level: 1 }, SLOW)).toBeInTheDocument();
    expect(await screen.findByTestId('balance-pending_cents')).toHaveTextContent('$180.00');
    expect(screen.getByTestId('balance-available_cents')).toHaveTextContent('$45.50');
    expect(screen.getByTestId('balance-withdrawn_cents')).toHaveTextContent('$10.00');
    expect(screen.getByTestId('balance-since_joining_cents')).toHaveTextContent('$235.50');

    const [first, second] = screen.getAllByTestId('earning-row');
    expect(first).toHaveTextContent('Reversal');
    expect(within(first!).getByTestId('clawback')).toHaveTextContent('Clawback');
    expect(first).toHaveTextContent('Credit note on INV-2026-0003 · Microsoft 365 Business Basic · 1 seat');
    expect(first).toHaveTextContent('Refund after cancellation');
    expect(first).toHaveTextContent('-$25.00');
    expect(second).toHaveTextContent('Invoice INV-2026-0007 · Microsoft 365 Business Standard · 8 seats · Bought');
    expect(second).toHaveTextContent('Pending');
    expect(within(second!).getByRole('link', { name: 'Open the subscription' })).toHaveAttribute('href', '/admin/subscriptions/sub_1');
    expect(within(second!).getAllByRole('link')[0]).toHaveAttribute('href', '/admin/freelancers/fl_7/earnings/ern_1');

    const user = userEvent.setup();
    await user.selectOptions(screen.getByLabelText('Kind'), 'commission');
    await waitFor(() => expect(router.state.location.search).toBe('?kind=commission'));
    await waitFor(() => expect(screen.getAllByTestId('earning-row')).toHaveLength(1));
    expect(new URLSearchParams(calls.filter((c) => c.path === LEDGER).at(-1)?.query).get('kind')).toBe('commission');
  });

  it('checks the adjustment before asking, and sends nothing when the confirmation is cancelled', async () => {
    const { fetchMock } = open(() => json(entry(), 201));
    await screen.findByRole('heading', { name: 'Ledger of Frida Freelancer' }, SLOW);
    const form = screen.getByTestId('adjustment-form');
    const user = userEvent.setup();
    const amount = within(form).getByLabelText(/^Amount/);
    const review = within(form).getByRole('button', { name: 'Review adjustment' });

    await user.click(review);
    expect(await within(form).findByText('Choose whether to credit or debit.')).toBeInTheDocument();
    expect(within(form).getByText('Say why you adjust the earnings.')).toBeInTheDocument();
    await user.type(amount, '0');
    await user.click(review);
    expect(await within(form).findByText('Enter an amount above zero.')).toBeInTheDocument();
    await user.clear(amount);
    await user.type(amount, '10001');
    await user.click(review);
    expect(await within(form).findByText('An adjustment can be at most $10,000.00.')).toBeInTheDocument();

    await user.click(within(form).getByRole('radio', { name: /Debit/ }));
    await user.clear(amount);
    await user.type(amount, '12,50');
    await user.type(within(form).getByLabelText(/^Reason/), 'Duplicate commission on INV-2026-0007');
    await user.click(review);
    const dialog = await screen.findByRole('dialog', { name: 'Post this adjustment?' });
    expect(dialog).toHaveTextContent('$12.50 will be taken from the available funds of Frida Freelancer.');
    expect(dialog).toHaveTextContent('Reason: Duplicate commission on INV-2026-0007');
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(adjustmentKeys(fetchMock)).toEqual([]);
  });

  it('posts after confirmation with one Idempotency-Key per submission, reused when the same submission is retried', async () => {
    let failNext = true;
    const { calls, fetchMock } = open(() => {
      if (failNext) {
        failNext = false;
        return problem(503, 'unavailable', { detail: 'Try again in a moment.' });
      }
      return json(entry({ id: 'ern_9', kind: 'adjustment', amount_cents: -1250 }), 201);
    });
    await screen.findByRole('heading', { name: 'Ledger of Frida Freelancer' }, SLOW);
    const form = screen.getByTestId('adjustment-form');
    const user = userEvent.setup();
    const fill = async () => {
      await user.click(within(form).getByRole('radio', { name: /Debit/ }));
      await user.type(within(form).getByLabelText(/^Amount/), '12,50');
      await user.type(within(form).getByLabelText(/^Reason/), 'Duplicate commission');
    };
    const submit = async () => {
      await user.click(within(form).getByRole('button', { name: 'Review adjustment' }));
      await user.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Post adjustment' }));
    };

    // The first attempt fails; trying the same submission again reuses its key.
    await fill();
    await submit();
    expect(await within(form).findByTestId('problem-alert')).toHaveTextContent('Try again in a moment.');
    await submit();
    await waitFor(() => expect(adjustmentKeys(fetchMock)).toHaveLength(2));
    const [firstKey, retryKey] = adjustmentKeys(fetchMock);
    expect(firstKey).toMatch(/^[0-9a-f-]{36}$/);
    expect(retryKey).toBe(firstKey);
    expect(calls.filter((c) => c.path === ADJUST).at(-1)?.body).toEqual({ amount_cents: -1250, reason: 'Duplicate commission' });

    // Done: the toast, an empty form, and the ledger reloaded with the new entry.
    expect(await screen.findByText('Adjustment of -$12.50 posted for Frida Freelancer.')).toBeInTheDocument();
    await waitFor(() => expect(screen.getAllByTestId('earning-row')).toHaveLength(3));
    expect(screen.getAllByTestId('earning-row')[0]).toHaveTextContent('Adjustment by support');
    expect(within(form).getByLabelText(/^Amount/)).toHaveValue('');

    // The same adjustment made again is a new submission: a new key.
    await fill();
    await submit();
    await waitFor(() => expect(adjustmentKeys(fetchMock)).toHaveLength(3));
    expect(adjustmentKeys(fetchMock)[2]).not.toBe(firstKey);
  });

  it('refuses a debit beyond the available funds next to the amount, and posts it as a debt when told to', async () => {
    const { calls } = open((req) =>
      (req.body as { allow_negative?: boolean }).allow_negative
        ? json(entry({ id: 'ern_9', kind: 'adjustment', amount_cents: -10000 }), 201)
        : problem(409, 'insufficient_funds', { detail: 'This debit is larger than the available funds.' }),
    );
    await screen.findByRole('heading', { name: 'Ledger of Frida Freelancer' }, SLOW);
    const form = screen.getByTestId('adjustment-form');
    const user = userEvent.setup();
    expect(within(form).queryByRole('checkbox')).not.toBeInTheDocument();
    await user.click(within(form).getByRole('radio', { name: /Debit/ }));
    await user.type(within(form).getByLabelText(/^Amount/), '100');
    await user.type(within(form).getByLabelText(/^Reason/), 'Clawback after the payout');
    await user.click(within(form).getByRole('button', { name: 'Review adjustment' }));
    await user.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Post adjustment' }));
    expect(await within(form).findByText(/This debit is larger than the available funds. Tick/)).toBeInTheDocument();
    expect(within(form).getByLabelText(/^Amount/)).toHaveAttribute('aria-invalid', 'true');

    await user.click(within(form).getByRole('checkbox', { name: /Record as a debt/ }));
    await user.click(within(form).getByRole('button', { name: 'Review adjustment' }));
    const dialog = await screen.findByRole('dialog');
    expect(dialog).toHaveTextContent('The available funds may go below zero.');
    await user.click(within(dialog).getByRole('button', { name: 'Post adjustment' }));
    await waitFor(() =>
      expect(calls.filter((c) => c.path === ADJUST).at(-1)?.body).toEqual({ amount_cents: -10000, reason: 'Clawback after the payout', allow_negative: true }),
    );
  });

  it('says so when the freelancer has no entries yet', async () => {
    signIn();
    mockApi({
      'GET /api/v1/me': () => json(staffMe),
      'GET /api/v1/admin/freelancers/fl_7': () => json(owner),
      [`GET ${LEDGER}`]: () => json({ freelancer_id: 'fl_7', balances: { ...balances, pending_cents: 0, available_cents: 0, withdrawn_cents: 0, since_joining_cents: 0 }, data: [], next_cursor: null }),
    });
    renderRoutes('/admin/freelancers/fl_7/earnings');
    expect(await screen.findByText('No entries yet', {}, SLOW)).toBeInTheDocument();
    expect(screen.getByTestId('balance-available_cents')).toHaveTextContent('$0.00');
  });
});
