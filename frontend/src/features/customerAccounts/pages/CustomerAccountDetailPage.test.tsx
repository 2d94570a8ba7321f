import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { json, mockApi, problem, renderRoutes, signIn } from '@/test/utils';
import { customerAccount, staffMe } from '../test/fixtures';

const SLOW = { timeout: 10_000 };
const HEADING = { name: 'Customer account Contoso Dental' };

async function open(handlers: Parameters<typeof mockApi>[0] = {}) {
  signIn();
  let current = customerAccount();
  const api = mockApi({
    'GET /api/v1/me': () => json(staffMe),
    'GET /api/v1/admin/customer-accounts/cac_1': () => json(current),
    'POST /api/v1/admin/customer-accounts/cac_1/reject': (req) => {
      current = customerAccount({ status: 'rejected', rejection_reason: (req.body as { reason: string }).reason });
      return json(current);
    },
    'POST /api/v1/admin/customer-accounts/cac_1/approve': () => {
      current = customerAccount({ status: 'approved', reviewed_at: '2026-12-02T08:00:00Z' });
      return json(current);
    },
    ...handlers,
  });
  renderRoutes('/admin/customer-accounts/cac_1');
  await screen.findByRole('heading', HEADING, SLOW);
  return { ...api, user: userEvent.setup() };
}

describe('CustomerAccountDetailPage', () => {
  it('shows the account, its address, contact and owner', async () => {
    await open();
    expect(screen.getByText('Submitted', { selector: '.mantine-Badge-label' })).toBeInTheDocument();
    expect(screen.getByText('contosodental.onmicrosoft.com')).toBeInTheDocument();
    expect(screen.getByText(/1 Main St/)).toHaveTextContent('62701 Springfield');
    expect(screen.getByText('Carla Contact')).toBeInTheDocument();
    expect(screen.getByText('+1 217 555 0100')).toBeInTheDocument();
    expect(screen.getByText('owen@contoso.example')).toBeInTheDocument();
  });

  it('refuses a rejection reason under ten characters, then sends the trimmed one', async () => {
    const { user, calls } = await open();
    await user.click(screen.getByRole('button', { name: 'Reject' }));
    const dialog = await screen.findByRole('dialog', { name: 'Reject this customer account?' });
    await user.click(within(dialog).getByRole('button', { name: 'Reject account' }));
    expect(await within(dialog).findByText('Give the customer a reason.')).toBeInTheDocument();
    await user.type(within(dialog).getByLabelText(/Reason for the customer/), '  Wrong ZIP  ');
    await user.click(within(dialog).getByRole('button', { name: 'Reject account' }));
    expect(await within(dialog).findByText(/Write at least 10 characters/)).toBeInTheDocument();
    expect(calls.filter((c) => c.method === 'POST')).toHaveLength(0);

    await user.type(within(dialog).getByLabelText(/Reason for the customer/), ' code for Springfield.  ');
    await user.click(within(dialog).getByRole('button', { name: 'Reject account' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(calls.find((c) => c.method === 'POST')?.body).toEqual({ reason: 'Wrong ZIP   code for Springfield.' });
    expect(await screen.findByTestId('rejection-reason')).toHaveTextContent('Wrong ZIP');
    expect(screen.queryByRole('button', { name: 'Reject' })).not.toBeInTheDocument();
  });

  it('approves after saying who is emailed', async () => {
    const { user, calls } = await open();
    await user.click(screen.getByRole('button', { name: 'Approve' }));
    const dialog = await screen.findByRole('dialog', { name: 'Approve this customer account?' });
    expect(dialog).toHaveTextContent('owen@contoso.example is emailed a link to accept the partnership');
    await user.click(within(dialog).getByRole('button', { name: 'Approve account' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(calls.filter((c) => c.method === 'POST').map((c) => c.path)).toEqual(['/api/v1/admin/customer-accounts/cac_1/approve']);
    expect(await screen.findByText('Approved', { selector: '.mantine-Badge-label' })).toBeInTheDocument();
  });

  it('without an owner, says the primary contact is emailed', async () => {
    const { user } = await open({ 'GET /api/v1/admin/customer-accounts/cac_1': () => json(customerAccount({ owner: null })) });
    expect(screen.queryByText('owen@contoso.example')).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Approve' }));
    const dialog = await screen.findByRole('dialog', { name: 'Approve this customer account?' });
    expect(dialog).toHaveTextContent('carla@contoso.example is emailed a link to accept the partnership');
  });

  it('explains a 409 invalid_status: someone decided first', async () => {
    const { user } = await open({
      'POST /api/v1/admin/customer-accounts/cac_1/approve': () =>
        problem(409, 'invalid_status', { detail: 'A customer account that is approved cannot be approved.' }),
    });
    await user.click(screen.getByRole('button', { name: 'Approve' }));
    const dialog = await screen.findByRole('dialog', { name: 'Approve this customer account?' });
    await user.click(within(dialog).getByRole('button', { name: 'Approve account' }));
    expect(await within(dialog).findByTestId('invalid-status')).toHaveTextContent('This has already moved on');
  });

  it('shows a missing account as an error with the way back', async () => {
    signIn();
    mockApi({ 'GET /api/v1/me': () => json(staffMe) });
    renderRoutes('/admin/customer-accounts/cac_404');
    expect(await screen.findByTestId('error-state', {}, SLOW)).toHaveTextContent('This could not be found.');
    expect(screen.getByRole('link', { name: /All customer accounts/ })).toHaveAttribute('href', '/admin/customer-accounts');
  });
});
