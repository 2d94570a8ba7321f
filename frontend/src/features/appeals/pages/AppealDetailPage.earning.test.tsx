import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { json, mockApi, renderRoutes, sampleMe, signIn } from '@/test/utils';

const staffMe = { ...sampleMe, roles: ['support'], freelancer: null };
const SLOW = { timeout: 10_000 };

const appeal = {
  id: 'apl_9',
  freelancer_id: 'fl_7',
  freelancer_name: 'Frida Freelancer',
  freelancer_email: 'frida@example.com',
  subject_type: 'earning',
  subject_id: 'ern_2',
  explanation: 'The client cancelled after the window; the clawback is wrong.',
  status: 'in_review',
  reviewer_note: null,
  decided_at: null,
  created_at: '2026-12-04T10:00:00Z',
  updated_at: '2026-12-04T10:00:00Z',
};

const clawback = {
  id: 'ern_2',
  kind: 'reversal',
  status: 'available',
  amount_cents: -2500,
  currency: 'USD',
  available_at: null,
  cleared_at: null,
  reversed_at: null,
  created_at: '2026-12-03T10:00:00Z',
  reason: 'Refund after cancellation',
  rate_bps: null,
  base_cents: null,
  reverses_entry_id: 'ern_1',
  clawback: true,
  appealable: false,
  cause: { type: 'credit_note', subscription_id: 'sub_2', invoice_number: 'INV-2026-0003', plan_name: 'Microsoft 365 Business Basic', seats: 1 },
};

const timeline = [
  { at: '2026-12-03T10:00:00Z', event: 'clawed_back', amount_cents: -2500, reason: 'Refund after cancellation' },
  { at: '2026-12-04T10:00:00Z', event: 'appealed', appeal_id: 'apl_9' },
];

describe('AppealDetailPage (earning appeals)', () => {
  it('shows the appealed ledger entry beside the appeal and credits the amount support confirms', async () => {
    signIn();
    let current: Record<string, unknown> = appeal;
    const { calls } = mockApi({
      'GET /api/v1/me': () => json(staffMe),
      'GET /api/v1/admin/appeals/apl_9': () => json(current),
      'GET /api/v1/admin/freelancers/fl_7/earnings/ern_2': () => json({ entry: clawback, timeline, related: [] }),
      'POST /api/v1/admin/appeals/apl_9/decide': (req) =>
        json((current = { ...appeal, status: 'upheld', reviewer_note: (req.body as { note: string }).note, decided_at: '2026-12-05T10:00:00Z' })),
    });
    renderRoutes('/admin/appeals/apl_9');
    await screen.findByRole('heading', { name: 'Appeal by Frida Freelancer' }, SLOW);
    expect(screen.getByText('Earnings entry')).toBeInTheDocument();
    const entry = screen.getByRole('region', { name: 'Appealed ledger entry' });
    expect(await within(entry).findAllByText('-$25.00')).toHaveLength(2); // the entry and its timeline
    expect(within(entry).getByTestId('clawback')).toBeInTheDocument();
    expect(within(entry).getByText('Clawed back from available funds')).toBeInTheDocument();
    expect(within(entry).getByRole('link', { name: 'Open the entry in the ledger' })).toHaveAttribute('href', '/admin/freelancers/fl_7/earnings/ern_2');

    const user = userEvent.setup();
    const decision = screen.getByRole('region', { name: 'Decision' });
    expect(within(decision).queryByLabelText(/Amount to credit/)).not.toBeInTheDocument();
    await user.click(within(decision).getByRole('radio', { name: /Uphold/ }));
    const amount = within(decision).getByLabelText(/Amount to credit/);
    expect(amount).toHaveValue('25.00');
    expect(within(decision).getByText(/at most \$25\.00/)).toBeInTheDocument();
    await user.clear(amount);
    await user.click(within(decision).getByRole('button', { name: 'Record decision' }));
    expect(await within(decision).findByText('Enter a value.')).toBeInTheDocument();
    await user.type(amount, '25.01');
    await user.click(within(decision).getByRole('button', { name: 'Record decision' }));
    expect(await within(decision).findByText('Give back at most $25.00: what the appealed entry took.')).toBeInTheDocument();
    await user.clear(amount);
    await user.type(amount, '20');
    await user.type(within(decision).getByLabelText(/Note to the freelancer/), 'The refund was outside the window; we credit it back.');
    await user.click(within(decision).getByRole('button', { name: 'Record decision' }));
    await waitFor(() =>
      expect(calls.find((c) => c.path.endsWith('/decide'))?.body).toEqual({
        decision: 'upheld',
        note: 'The refund was outside the window; we credit it back.',
        amount_cents: 2000,
      }),
    );
  });

  it('denies without an amount', async () => {
    signIn();
    const { calls } = mockApi({
      'GET /api/v1/me': () => json(staffMe),
      'GET /api/v1/admin/appeals/apl_9': () => json(appeal),
      'GET /api/v1/admin/freelancers/fl_7/earnings/ern_2': () => json({ entry: clawback, timeline, related: [] }),
      'POST /api/v1/admin/appeals/apl_9/decide': () => json({ ...appeal, status: 'denied', decided_at: '2026-12-05T10:00:00Z' }),
    });
    renderRoutes('/admin/appeals/apl_9');
    const decision = await screen.findByRole('region', { name: 'Decision' }, SLOW);
    const user = userEvent.setup();
    await user.click(within(decision).getByRole('radio', { name: /Deny/ }));
    await user.type(within(decision).getByLabelText(/Note to the freelancer/), 'The refund was inside the window.');
    await user.click(within(decision).getByRole('button', { name: 'Record decision' }));
    await waitFor(() => expect(calls.find((c) => c.path.endsWith('/decide'))?.body).toEqual({ decision: 'denied', note: 'The refund was inside the window.' }));
  });
});
