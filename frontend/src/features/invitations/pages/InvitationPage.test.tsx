import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { tokenStore } from '@/lib/api/tokens';
import { authResponse, json, mockApi, problem, renderRoutes, signIn } from '@/test/utils';

const SLOW = { timeout: 10_000 };
const check = (status: string, kind = 'external') => ({
  status,
  email: 'new.expert@example.com',
  kind,
  expires_at: '2026-12-11T10:00:00Z',
});

describe('InvitationPage', () => {
  it('offers a visitor to create an account (email prefilled) or log in and come back', async () => {
    mockApi({ 'GET /api/v1/invitations/tok_1': () => json(check('valid')) });
    renderRoutes('/invitations/tok_1');
    expect(await screen.findByRole('heading', { name: 'You are invited to the Partner Hub programme' }, SLOW)).toBeInTheDocument();
    const main = screen.getByRole('main');
    expect(within(main).getByText(/new\.expert@example\.com/)).toBeInTheDocument();
    expect(within(main).getByRole('link', { name: 'Create your account' })).toHaveAttribute(
      'href',
      '/register?invitation=tok_1&email=new.expert%40example.com',
    );
    expect(within(main).getByRole('link', { name: 'I already have an account' })).toHaveAttribute(
      'href',
      '/login?next=%2Finvitations%2Ftok_1',
    );
  });

  it.each([
    ['expired', 'This invitation has expired'],
    ['used', 'This invitation has already been used'],
    ['revoked', 'This invitation was withdrawn'],
  ])('explains a %s invitation', async (status, title) => {
    mockApi({ 'GET /api/v1/invitations/tok_1': () => json(check(status)) });
    renderRoutes('/invitations/tok_1');
    expect(await screen.findByRole('heading', { name: title }, SLOW)).toBeInTheDocument();
  });

  it('says when the link is unknown', async () => {
    mockApi({ 'GET /api/v1/invitations/nope': () => problem(404, 'not_found') });
    renderRoutes('/invitations/nope');
    expect(await screen.findByRole('heading', { name: 'This invitation link is not valid' }, SLOW)).toBeInTheDocument();
  });

  it('lets a signed-in user accept, renews the session and opens the application', async () => {
    signIn('a1', 'r1');
    const { calls } = mockApi({
      'GET /api/v1/invitations/tok_1': () => json(check('valid', 'internal')),
      'POST /api/v1/invitations/tok_1/accept': () => json(check('used', 'internal')),
      'POST /api/v1/auth/refresh': () => json(authResponse({ access_token: 'a2', refresh_token: 'r2' })),
      'GET /api/v1/me': () =>
        json({
          id: 'usr_1',
          email: 'ada@example.com',
          full_name: 'Ada Lovelace',
          roles: ['customer', 'freelancer'],
          freelancer: { id: 'fl_1', status: 'registered', tier: 'standard', eligible: false, missing_steps: ['application'], onboarding_required: false },
        }),
      'GET /api/v1/me/application': () => problem(404, 'not_found'),
    });
    const { router } = renderRoutes('/invitations/tok_1');
    await userEvent.setup().click(await screen.findByRole('button', { name: 'Accept invitation' }, SLOW));
    await waitFor(() => expect(router.state.location.pathname).toBe('/app/application'));
    expect(calls.find((c) => c.path === '/api/v1/auth/refresh')?.body).toEqual({ refresh_token: 'r1' });
    expect(tokenStore.getAccessToken()).toBe('a2');
    expect(await screen.findByRole('heading', { level: 1, name: 'Apply to the programme' }, SLOW)).toBeInTheDocument();
  });

  it('explains an invitation that became unusable meanwhile', async () => {
    signIn();
    mockApi({
      'GET /api/v1/invitations/tok_1': () => json(check('valid')),
      'POST /api/v1/invitations/tok_1/accept': () =>
        problem(409, 'invitation_unusable', { detail: 'The invitation has expired; ask support to re-send it.' }),
    });
    renderRoutes('/invitations/tok_1');
    await userEvent.setup().click(await screen.findByRole('button', { name: 'Accept invitation' }, SLOW));
    expect(await screen.findByTestId('problem-alert')).toHaveTextContent('This invitation can no longer be used.');
  });

  it('asks for a confirmed address when accepting is refused with email_not_verified, and resends the link', async () => {
    signIn();
    const { calls } = mockApi({
      'GET /api/v1/invitations/tok_1': () => json(check('valid')),
      'POST /api/v1/invitations/tok_1/accept': () => problem(403, 'email_not_verified'),
      'POST /api/v1/auth/verify-email/resend': () => new Response(null, { status: 202 }),
    });
    renderRoutes('/invitations/tok_1');
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Accept invitation' }, SLOW));
    const banner = await screen.findByTestId('verify-email-banner');
    expect(within(banner).getByText('Please confirm your email address')).toBeInTheDocument();
    expect(screen.queryByTestId('problem-alert')).toBeNull();
    await user.click(within(banner).getByRole('button', { name: 'Send a new link' }));
    await waitFor(() => expect(calls.filter((c) => c.path === '/api/v1/auth/verify-email/resend')).toHaveLength(1));
  });
});
