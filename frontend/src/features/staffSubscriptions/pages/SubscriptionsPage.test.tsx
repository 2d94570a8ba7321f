import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { json, mockApi, renderRoutes, signIn, type RecordedRequest } from '@/test/utils';
import { customer, staffMe, subscription } from '../test/fixtures';

const SLOW = { timeout: 10_000 };

// The second: Frida bought through her own link.
const frida = { id: 'usr_6', email: 'frida@example.com', full_name: 'Frida Herself' };
const rows = [
  { ...subscription(), customer },
  { ...subscription({ id: 'sub_2', self_referral: true, status: 'pending' }), customer: frida },
];

const listQueries = (calls: RecordedRequest[]) =>
  calls.filter((c) => c.path === '/api/v1/admin/subscriptions').map((c) => new URLSearchParams(c.query));

function open(path: string) {
  signIn();
  const api = mockApi({
    'GET /api/v1/me': () => json(staffMe),
    'GET /api/v1/admin/subscriptions': (req) => {
      const selfOnly = new URLSearchParams(req.query).get('self_referral') === 'true';
      return json({ data: selfOnly ? rows.filter((r) => r.self_referral) : rows, next_cursor: null });
    },
  });
  return { ...api, ...renderRoutes(path) };
}

describe('SubscriptionsPage', () => {
  it('lists subscriptions with customer, plan, referrer, and flags self-referrals', async () => {
    const { calls } = open('/admin/subscriptions');
    const link = await screen.findByRole('link', { name: 'Kim Customer' }, SLOW);
    expect(link).toHaveAttribute('href', '/admin/subscriptions/sub_1');
    const [first, second] = screen.getAllByTestId('subscription-row');
    expect(first).toHaveTextContent('Microsoft 365 Business Standard');
    expect(first).toHaveTextContent('Yearly');
    expect(first).toHaveTextContent('Frida Freelancer');
    expect(within(first!).queryByTestId('self-referral')).not.toBeInTheDocument();
    expect(within(second!).getByTestId('self-referral')).toHaveTextContent('Self-referral');
    expect(listQueries(calls)[0]?.toString()).toBe('limit=25');
  });

  it('opens self-referrals from the URL and writes the filters back into it', async () => {
    const { calls, router } = open('/admin/subscriptions?self_referral=true');
    expect(await screen.findByRole('heading', { name: 'Self-referrals', level: 1 }, SLOW)).toBeInTheDocument();
    await screen.findByRole('link', { name: 'Frida Herself' });
    expect(screen.queryByRole('link', { name: 'Kim Customer' })).not.toBeInTheDocument();
    expect(listQueries(calls)[0]?.get('self_referral')).toBe('true');
    const checkbox = screen.getByRole('checkbox', { name: 'Self-referrals only' });
    expect(checkbox).toBeChecked();

    const user = userEvent.setup();
    await user.selectOptions(screen.getByLabelText('Status'), 'pending');
    await waitFor(() => expect(router.state.location.search).toBe('?self_referral=true&status=pending'));
    await waitFor(() => expect(listQueries(calls).at(-1)?.get('status')).toBe('pending'));
    await user.click(checkbox);
    await waitFor(() => expect(router.state.location.search).toBe('?status=pending'));
    await waitFor(() => expect(listQueries(calls).at(-1)?.has('self_referral')).toBe(false));
  });
});
