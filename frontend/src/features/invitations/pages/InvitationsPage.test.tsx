import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { json, mockApi, problem, renderRoutes, sampleMe, signIn } from '@/test/utils';

const staffMe = { ...sampleMe, roles: ['admin'], freelancer: null };
const SLOW = { timeout: 10_000 };

const invitation = {
  id: 'inv_1',
  email: 'old@example.com',
  kind: 'external',
  status: 'sent',
  expires_at: '2026-12-11T10:00:00Z',
  send_count: 1,
  last_sent_at: '2026-11-27T10:00:00Z',
  created_at: '2026-11-27T10:00:00Z',
};

async function renderPage(post: Parameters<typeof mockApi>[0][string]) {
  signIn();
  const api = mockApi({
    'GET /api/v1/me': () => json(staffMe),
    'GET /api/v1/admin/invitations': () => json({ data: [invitation], next_cursor: null }),
    'POST /api/v1/admin/invitations': post,
    'POST /api/v1/admin/invitations/inv_1/resend': () =>
      json({ id: 'inv_1', token: 'tok2', expires_at: '2026-12-12T10:00:00Z', invite_url: 'http://hub.test/invitations/tok2', invitation }),
    'POST /api/v1/admin/invitations/inv_1/revoke': () => json({ ...invitation, status: 'revoked' }),
  });
  renderRoutes('/admin/invitations');
  await screen.findByText('old@example.com', {}, SLOW);
  const user = userEvent.setup();
  const email = screen.getByLabelText(/^Email address/);
  return { ...api, user, email };
}

describe('InvitationsPage', () => {
  it('shows the invitation link once, with a copy button', async () => {
    const { user, email, calls } = await renderPage((req) =>
      json(
        {
          id: 'inv_2',
          token: 'tok1',
          expires_at: '2026-12-11T10:00:00Z',
          invite_url: 'http://hub.test/invitations/tok1',
          invitation: { ...invitation, id: 'inv_2', email: (req.body as { email: string }).email },
        },
        201,
      ),
    );
    await user.type(email, ' new@example.com ');
    await user.click(screen.getByRole('radio', { name: /Internal/ }));
    await user.click(screen.getByRole('button', { name: 'Send invitation' }));
    const notice = await screen.findByTestId('issued-invitation');
    expect(notice).toHaveTextContent('Invitation sent to new@example.com');
    expect(within(notice).getByLabelText('Invitation link')).toHaveValue('http://hub.test/invitations/tok1');
    expect(within(notice).getByRole('button', { name: 'Copy link' })).toBeInTheDocument();
    expect(calls.find((c) => c.method === 'POST')?.body).toEqual({ email: 'new@example.com', kind: 'internal' });
    expect(email).toHaveValue('');
  });

  it('puts validation errors from the server next to the field', async () => {
    const { user, email } = await renderPage(() =>
      problem(422, 'validation_failed', {
        errors: [{ field: 'email', message: 'has no account here; send an external invitation instead' }],
      }),
    );
    await user.type(email, 'someone@example.com');
    await user.click(screen.getByRole('button', { name: 'Send invitation' }));
    await waitFor(() => expect(email).toHaveAttribute('aria-invalid', 'true'));
    expect(email).toHaveAccessibleDescription('has no account here; send an external invitation instead');
    expect(screen.queryByTestId('problem-alert')).not.toBeInTheDocument();
  });

  it('shows a pending invitation (409) next to the email field, translated', async () => {
    const { user, email } = await renderPage(() =>
      problem(409, 'invitation_pending', { detail: 'A valid invitation for this email exists already; re-send it instead.' }),
    );
    await user.type(email, 'old@example.com');
    await user.click(screen.getByRole('button', { name: 'Send invitation' }));
    await waitFor(() =>
      expect(email).toHaveAccessibleDescription(
        'A valid invitation for this address exists already. Re-send it from the list instead.',
      ),
    );
    expect(screen.queryByTestId('problem-alert')).not.toBeInTheDocument();
  });

  it('checks the email address before calling the server', async () => {
    const { user, email, calls } = await renderPage(() => json({}, 201));
    await user.type(email, 'not-an-email');
    await user.click(screen.getByRole('button', { name: 'Send invitation' }));
    expect(await screen.findByText('Enter a valid email address.')).toBeInTheDocument();
    expect(calls.filter((c) => c.method === 'POST')).toHaveLength(0);
  });

  it('re-sends from the list and shows the new link', async () => {
    const { user } = await renderPage(() => json({}, 201));
    await user.click(screen.getByRole('button', { name: 'Re-send the invitation to old@example.com' }));
    const notice = await screen.findByTestId('issued-invitation');
    expect(within(notice).getByLabelText('Invitation link')).toHaveValue('http://hub.test/invitations/tok2');
  });

  it('asks before revoking', async () => {
    const { user, calls } = await renderPage(() => json({}, 201));
    await user.click(screen.getByRole('button', { name: 'Revoke the invitation to old@example.com' }));
    const dialog = await screen.findByRole('dialog', { name: 'Revoke this invitation?' });
    expect(calls.some((c) => c.path.endsWith('/revoke'))).toBe(false);
    await user.click(within(dialog).getByRole('button', { name: 'Revoke' }));
    await waitFor(() => expect(calls.some((c) => c.path === '/api/v1/admin/invitations/inv_1/revoke')).toBe(true));
  });
});
