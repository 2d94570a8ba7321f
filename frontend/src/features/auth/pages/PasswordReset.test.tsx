import { cleanup, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import i18n from '@/i18n';
import { tokenStore } from '@/lib/api/tokens';
import { mockApi, problem, renderRoutes, signIn } from '@/test/utils';

const SLOW = { timeout: 10_000 };

afterEach(async () => {
  cleanup();
  await i18n.changeLanguage('en');
});

const accepted = () => new Response(null, { status: 202 });
const noContent = () => new Response(null, { status: 204 });

describe('ForgotPasswordPage', () => {
  it('asks for a link and always confirms the same way', async () => {
    const { calls } = mockApi({ 'POST /api/v1/auth/password-reset': accepted });
    renderRoutes('/forgot-password');
    const user = userEvent.setup();
    await user.type(await screen.findByLabelText(/email address/i, undefined, SLOW), ' nobody@example.com ');
    await user.click(screen.getByRole('button', { name: 'Send link' }));
    expect(await screen.findByRole('heading', { name: 'Check your inbox' })).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent('If there is an account for nobody@example.com');
    expect(calls[0]?.body).toEqual({ email: 'nobody@example.com' });
  });

  it('needs an address, and shows a throttled request in minutes', async () => {
    const { calls } = mockApi({
      'POST /api/v1/auth/password-reset': () => problem(429, 'rate_limited', { headers: { 'Retry-After': '60' } }),
    });
    renderRoutes('/forgot-password');
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Send link' }, SLOW));
    expect(await screen.findByText('Enter your email address.')).toBeInTheDocument();
    expect(calls).toHaveLength(0);
    await user.type(screen.getByLabelText(/email address/i), 'ada@example.com');
    await user.click(screen.getByRole('button', { name: 'Send link' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Please wait 1 minute and try again.');
  });

  it('speaks German', async () => {
    await i18n.changeLanguage('de');
    mockApi({ 'POST /api/v1/auth/password-reset': accepted });
    renderRoutes('/forgot-password');
    const user = userEvent.setup();
    await user.type(await screen.findByLabelText(/E-Mail-Adresse/, undefined, SLOW), 'ada@example.com');
    await user.click(screen.getByRole('button', { name: 'Link senden' }));
    expect(await screen.findByRole('heading', { name: 'Sehen Sie in Ihrem Posteingang nach' })).toBeInTheDocument();
  });
});

describe('ResetPasswordPage', () => {
  async function choose(password: string, repeat = password) {
    const user = userEvent.setup();
    await user.type(await screen.findByLabelText(/^New password/, undefined, SLOW), password);
    await user.type(screen.getByLabelText(/^Repeat the new password/), repeat);
    await user.click(screen.getByRole('button', { name: 'Change password' }));
  }

  it('sets the new password, forgets this browser’s session and says so on the login page', async () => {
    signIn();
    const { calls } = mockApi({ 'POST /api/v1/auth/password-reset/confirm': noContent });
    const { router } = renderRoutes('/reset-password?token=phpr_1');
    await choose('a brand new horse');
    expect(await screen.findByTestId('password-reset-done')).toHaveTextContent('Log in with your new password.');
    expect(router.state.location.pathname).toBe('/login');
    expect(calls[0]?.body).toEqual({ token: 'phpr_1', password: 'a brand new horse' });
    expect(tokenStore.getAccessToken()).toBeNull();
  });

  it('checks both passwords before calling the server', async () => {
    const { calls } = mockApi({});
    renderRoutes('/reset-password?token=phpr_1');
    await choose('short');
    expect(await screen.findByText('The password must be between 10 and 128 characters.')).toBeInTheDocument();
    await waitFor(() => expect(screen.getByLabelText(/^New password/)).toHaveFocus());
    cleanup();
    renderRoutes('/reset-password?token=phpr_1');
    await choose('a brand new horse', 'a brand new house');
    expect(await screen.findByText('The two passwords are not the same.')).toBeInTheDocument();
    expect(calls).toHaveLength(0);
  });

  it('explains an expired link and offers a new one', async () => {
    mockApi({ 'POST /api/v1/auth/password-reset/confirm': () => problem(410, 'reset_token_expired') });
    renderRoutes('/reset-password?token=phpr_old');
    await choose('a brand new horse');
    expect(await screen.findByRole('heading', { name: 'This link has expired' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Ask for a new link' })).toHaveAttribute('href', '/forgot-password');
  });

  it('explains a used link, and a link without a token, in German', async () => {
    await i18n.changeLanguage('de');
    mockApi({ 'POST /api/v1/auth/password-reset/confirm': () => problem(400, 'reset_token_invalid') });
    renderRoutes('/reset-password?token=phpr_used');
    const user = userEvent.setup();
    await user.type(await screen.findByLabelText(/^Neues Passwort\s*\*?$/, undefined, SLOW), 'ein ganz neues Pferd');
    await user.type(screen.getByLabelText(/^Neues Passwort wiederholen/), 'ein ganz neues Pferd');
    await user.click(screen.getByRole('button', { name: 'Passwort ändern' }));
    expect(await screen.findByRole('heading', { name: 'Dieser Link kann nicht verwendet werden' })).toBeInTheDocument();
    cleanup();
    renderRoutes('/reset-password');
    expect(await screen.findByRole('heading', { name: 'Der Link ist unvollständig' }, SLOW)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Neuen Link anfordern' })).toBeInTheDocument();
  });
});
