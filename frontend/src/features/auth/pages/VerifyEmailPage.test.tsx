import { cleanup, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import i18n from '@/i18n';
import { json, mockApi, problem, renderRoutes, sampleMe, signIn } from '@/test/utils';

const SLOW = { timeout: 10_000 };

afterEach(async () => {
  cleanup();
  await i18n.changeLanguage('en');
});

describe('VerifyEmailPage', () => {
  it('verifies the token once and offers to continue', async () => {
    signIn();
    const { calls } = mockApi({
      'POST /api/v1/auth/verify-email': () => json({ email_verified: true }),
      'GET /api/v1/me': () => json({ ...sampleMe, email_verified: true }),
    });
    renderRoutes('/verify-email?token=vt_1');
    expect(await screen.findByRole('heading', { name: 'Email address confirmed' }, SLOW)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Continue' })).toHaveAttribute('href', '/app');
    const posts = calls.filter((c) => c.path === '/api/v1/auth/verify-email');
    expect(posts).toHaveLength(1);
    expect(posts[0]?.body).toEqual({ token: 'vt_1' });
  });

  it('explains an expired link and sends a new one to a signed-in user', async () => {
    signIn();
    const { calls } = mockApi({
      'POST /api/v1/auth/verify-email': () => problem(410, 'verification_token_expired'),
      'POST /api/v1/auth/verify-email/resend': () => new Response(null, { status: 202 }),
    });
    renderRoutes('/verify-email?token=vt_old');
    expect(await screen.findByRole('heading', { name: 'This link has expired' }, SLOW)).toBeInTheDocument();
    await userEvent.setup().click(screen.getByRole('button', { name: 'Send a new link' }));
    expect(await screen.findByText('A new link is on its way. Please check your inbox.')).toBeInTheDocument();
    expect(calls.filter((c) => c.path === '/api/v1/auth/verify-email/resend')).toHaveLength(1);
  });

  it('says a used link cannot be used, without a resend button for a visitor, in German', async () => {
    await i18n.changeLanguage('de');
    mockApi({ 'POST /api/v1/auth/verify-email': () => problem(400, 'invalid_verification_token') });
    const { router } = renderRoutes('/verify-email?token=vt_used');
    expect(await screen.findByRole('heading', { name: 'Dieser Link kann nicht verwendet werden' }, SLOW)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Neuen Link senden' })).toBeNull();
    expect(screen.getByText(/Für einen neuen Link melden Sie sich an/)).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/verify-email');
  });

  it('says the link is incomplete without a token and calls nothing', async () => {
    const { calls } = mockApi({});
    renderRoutes('/verify-email');
    expect(await screen.findByRole('heading', { name: 'The link is incomplete' }, SLOW)).toBeInTheDocument();
    await waitFor(() => expect(calls).toHaveLength(0));
  });
});
