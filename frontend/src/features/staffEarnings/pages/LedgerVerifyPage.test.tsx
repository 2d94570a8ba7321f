import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { json, mockApi, renderRoutes, signIn } from '@/test/utils';
import { staffMe } from '../test/fixtures';

const SLOW = { timeout: 10_000 };
const VERIFY = '/api/v1/admin/ledger/verify';

describe('LedgerVerifyPage', () => {
  it('runs the check on opening, shows the violations, and checks again on request', async () => {
    signIn();
    let report: unknown = {
      ok: false,
      checked_at: '2026-12-06T10:00:00Z',
      violations: [{ code: 'balance_mismatch', freelancer_id: 'fl_7', entry_id: 'ern_3', detail: 'Available balance 4550 differs from the entries (4500).' }],
    };
    const { calls } = mockApi({ 'GET /api/v1/me': () => json(staffMe), [`GET ${VERIFY}`]: () => json(report) });
    renderRoutes('/admin/ledger');
    expect(await screen.findByRole('heading', { name: 'Ledger check', level: 1 }, SLOW)).toBeInTheDocument();
    expect(await screen.findByTestId('ledger-violations')).toHaveTextContent('1 violation found');
    const [row] = screen.getAllByTestId('violation-row');
    expect(row).toHaveTextContent('Balances differ from the entries');
    expect(row).toHaveTextContent('balance_mismatch');
    expect(row).toHaveTextContent('Available balance 4550 differs from the entries (4500).');
    expect(within(row!).getByRole('link', { name: 'fl_7' })).toHaveAttribute('href', '/admin/freelancers/fl_7/earnings');
    expect(within(row!).getByRole('link', { name: 'ern_3' })).toHaveAttribute('href', '/admin/freelancers/fl_7/earnings/ern_3');

    report = { ok: true, checked_at: '2026-12-06T11:00:00Z', violations: [] };
    await userEvent.setup().click(screen.getByRole('button', { name: 'Check again' }));
    expect(await screen.findByTestId('ledger-ok')).toHaveTextContent('The ledger is consistent');
    await waitFor(() => expect(calls.filter((c) => c.path === VERIFY)).toHaveLength(2));
  });
});
