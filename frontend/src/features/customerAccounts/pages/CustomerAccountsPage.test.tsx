import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { json, mockApi, renderRoutes, signIn } from '@/test/utils';
import { customerAccount, staffMe } from '../test/fixtures';

// The first render loads the lazy layout and page chunks, slow on a busy 2-core machine.
const SLOW = { timeout: 10_000 };

function queue(handlers: Record<string, Parameters<typeof mockApi>[0][string]> = {}) {
  return mockApi({
    'GET /api/v1/me': () => json(staffMe),
    'GET /api/v1/admin/commerce-settings': () => json({ auto_approve_accounts: false }),
    'GET /api/v1/admin/customer-accounts': () => json({ data: [customerAccount()], next_cursor: null }),
    ...handlers,
  });
}

const listQueries = (calls: { path: string; query: string }[]) =>
  calls.filter((c) => c.path === '/api/v1/admin/customer-accounts').map((c) => new URLSearchParams(c.query));

describe('CustomerAccountsPage', () => {
  it('opens on the submitted accounts with a clean URL', async () => {
    signIn();
    const { calls } = queue();
    renderRoutes('/admin/customer-accounts');
    const link = await screen.findByRole('link', { name: 'Contoso Dental' }, SLOW);
    expect(link).toHaveAttribute('href', '/admin/customer-accounts/cac_1');
    const row = screen.getByTestId('customer-account-row');
    expect(within(row).getByText('Owen Owner')).toBeInTheDocument();
    expect(within(row).getByText('contosodental.onmicrosoft.com')).toBeInTheDocument();
    expect(within(row).getByText('New domain')).toBeInTheDocument();
    expect(within(row).getByText('United States')).toBeInTheDocument();
    expect(listQueries(calls)[0]?.get('status')).toBe('submitted');
    expect(screen.getByLabelText('Status')).toHaveValue('submitted');
    // The default is not a filter: nothing to clear.
    expect(screen.queryByRole('button', { name: 'Clear filters' })).not.toBeInTheDocument();
  });

  it('shows a dash for an account without an owner', async () => {
    signIn();
    queue({
      'GET /api/v1/admin/customer-accounts': () =>
        json({ data: [customerAccount({ id: 'cac_2', account_name: 'Fabrikam', owner: null })], next_cursor: null }),
    });
    renderRoutes('/admin/customer-accounts');
    await screen.findByRole('link', { name: 'Fabrikam' }, SLOW);
    const row = screen.getByTestId('customer-account-row');
    expect(within(row).queryByText('Owen Owner')).not.toBeInTheDocument();
    expect(within(row).getByText('—')).toBeInTheDocument();
  });

  it('reads the status from the URL; "all" asks for every status', async () => {
    signIn();
    const { calls } = queue();
    renderRoutes('/admin/customer-accounts?status=all');
    await screen.findByRole('link', { name: 'Contoso Dental' }, SLOW);
    expect(listQueries(calls)[0]?.has('status')).toBe(false);
    expect(screen.getByLabelText('Status')).toHaveValue('all');
  });

  it('writes a chosen status into the URL, and the default back out of it', async () => {
    signIn();
    const { calls } = queue();
    const { router } = renderRoutes('/admin/customer-accounts');
    await screen.findByRole('link', { name: 'Contoso Dental' }, SLOW);
    const user = userEvent.setup();
    await user.selectOptions(screen.getByLabelText('Status'), 'rejected');
    await waitFor(() => expect(router.state.location.search).toBe('?status=rejected'));
    await waitFor(() => expect(listQueries(calls).at(-1)?.get('status')).toBe('rejected'));
    await user.selectOptions(screen.getByLabelText('Status'), 'submitted');
    await waitFor(() => expect(router.state.location.search).toBe(''));
    await user.selectOptions(screen.getByLabelText('Status'), 'approved');
    await user.click(await screen.findByRole('button', { name: 'Clear filters' }));
    await waitFor(() => expect(router.state.location.search).toBe(''));
    expect(screen.getByLabelText('Status')).toHaveValue('submitted');
  });

  it('says when nothing waits for a review', async () => {
    signIn();
    queue({ 'GET /api/v1/admin/customer-accounts': () => json({ data: [], next_cursor: null }) });
    renderRoutes('/admin/customer-accounts');
    const empty = await screen.findByTestId('empty-state', {}, SLOW);
    expect(within(empty).getByText('No accounts waiting for review')).toBeInTheDocument();
  });

  it('turns automatic approval on', async () => {
    signIn();
    const { calls } = queue({
      'PUT /api/v1/admin/commerce-settings': (req) => json(req.body),
    });
    renderRoutes('/admin/customer-accounts');
    const toggle = await screen.findByRole('switch', { name: /Approve customer accounts automatically/ }, SLOW);
    expect(toggle).not.toBeChecked();
    await userEvent.setup().click(toggle);
    await waitFor(() => expect(calls.find((c) => c.method === 'PUT')?.body).toEqual({ auto_approve_accounts: true }));
    await waitFor(() => expect(toggle).toBeChecked());
    expect(screen.getByTestId('auto-approve-on')).toHaveTextContent('new accounts do not wait in this queue');
  });
});
