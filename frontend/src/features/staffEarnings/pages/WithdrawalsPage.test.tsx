import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { json, mockApi, problem, renderRoutes, signIn } from '@/test/utils';
import type { StaffWithdrawal } from '../api/types';
import { staffMe, withdrawal } from '../test/fixtures';

const SLOW = { timeout: 10_000 };
const QUEUE = '/api/v1/admin/withdrawals';

function open(path: string, retry: (current: StaffWithdrawal) => Response) {
  signIn();
  const rows: StaffWithdrawal[] = [
    withdrawal(),
    withdrawal({ id: 'wd_2', status: 'failed', attempts: 2, failure_code: 'payout_declined', failure_reason: 'The bank refused the payout.', freelancer_id: 'fl_8', freelancer_name: 'Gus Gig', decided_at: '2026-12-04T10:00:00Z' }),
    withdrawal({ id: 'wd_3', status: 'paid', amount_cents: 2000, freelancer_id: 'fl_9', freelancer_name: 'Hana Help', decided_at: '2026-12-03T10:00:00Z' }),
  ];
  const api = mockApi({
    'GET /api/v1/me': () => json(staffMe),
    [`GET ${QUEUE}`]: (req) => {
      const status = new URLSearchParams(req.query).get('status');
      return json({ data: rows.filter((r) => !status || r.status === status), next_cursor: null });
    },
    'POST /api/v1/admin/withdrawals/wd_1/retry': () => {
      const res = retry(rows[0]!);
      if (res.ok) rows[0] = { ...rows[0]!, status: 'paid', decided_at: '2026-12-06T10:00:00Z' };
      return res;
    },
  });
  return { ...api, ...renderRoutes(path) };
}

describe('WithdrawalsPage', () => {
  it('lists payouts with their outcome; only a requested one can be retried, and the retry says how it went', async () => {
    const { calls } = open('/admin/withdrawals', (w) => json({ ...w, status: 'paid', decided_at: '2026-12-06T10:00:00Z' }));
    expect(await screen.findByRole('heading', { name: 'Payouts', level: 1 }, SLOW)).toBeInTheDocument();
    const [requested, failed, paid] = await screen.findAllByTestId('withdrawal-row');
    expect(within(requested!).getByRole('link', { name: 'Frida Freelancer' })).toHaveAttribute('href', '/admin/freelancers/fl_7/earnings');
    expect(requested).toHaveTextContent('$45.50');
    expect(requested).toHaveTextContent('Requested');
    expect(failed).toHaveTextContent('Failed');
    expect(failed).toHaveTextContent('The bank refused the payout.');
    expect(failed).toHaveTextContent('2 attempts');
    expect(requested).not.toHaveTextContent('attempt');
    expect(within(failed!).queryByRole('button')).not.toBeInTheDocument();
    expect(within(paid!).queryByRole('button')).not.toBeInTheDocument();

    const user = userEvent.setup();
    await user.click(within(requested!).getByRole('button', { name: 'Retry payout of $45.50 to Frida Freelancer' }));
    expect(await screen.findByText('Paid $45.50 to Frida Freelancer.')).toBeInTheDocument();
    expect(calls.filter((c) => c.method === 'POST').map((c) => c.path)).toEqual(['/api/v1/admin/withdrawals/wd_1/retry']);
    await waitFor(() => expect(within(screen.getAllByTestId('withdrawal-row')[0]!).queryByRole('button')).not.toBeInTheDocument());
    expect(screen.getAllByTestId('withdrawal-row')[0]).toHaveTextContent('Paid');
  });

  it('filters by status through the URL and shows why a retry was refused', async () => {
    const { calls, router } = open('/admin/withdrawals?status=requested', () =>
      problem(409, 'invalid_status', { detail: 'This payout is no longer requested.' }),
    );
    const rows = await screen.findAllByTestId('withdrawal-row', {}, SLOW);
    expect(rows).toHaveLength(1);
    expect(new URLSearchParams(calls.find((c) => c.path === QUEUE)?.query).get('status')).toBe('requested');

    const user = userEvent.setup();
    await user.click(within(rows[0]!).getByRole('button', { name: /Retry payout/ }));
    expect(await screen.findByTestId('problem-alert')).toHaveTextContent('This payout is no longer requested.');

    await user.selectOptions(screen.getByLabelText('Status'), 'failed');
    await waitFor(() => expect(router.state.location.search).toBe('?status=failed'));
    await waitFor(() => expect(screen.getAllByTestId('withdrawal-row')[0]).toHaveTextContent('Gus Gig'));
  });

  it('says so when nobody has asked for a payout', async () => {
    signIn();
    mockApi({ 'GET /api/v1/me': () => json(staffMe), [`GET ${QUEUE}`]: () => json({ data: [], next_cursor: null }) });
    renderRoutes('/admin/withdrawals');
    expect(await screen.findByText('No payouts yet', {}, SLOW)).toBeInTheDocument();
  });
});
