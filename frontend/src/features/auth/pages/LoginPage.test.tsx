import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { tokenStore } from '@/lib/api/tokens';
import { authResponse, json, mockApi, problem, renderRoutes, sampleMe } from '@/test/utils';

async function fillAndSubmit(email: string, password: string) {
  const user = userEvent.setup();
  await user.type(await screen.findByLabelText(/email address/i), email);
  await user.type(screen.getByLabelText(/^password/i), password);
  await user.click(screen.getByRole('button', { name: 'Log in' }));
}

describe('LoginPage', () => {
  it('logs in, stores the tokens and goes to the page asked for', async () => {
    const { calls } = mockApi({
      'POST /api/v1/auth/login': () => json(authResponse({ access_token: 'a1', refresh_token: 'r1' })),
      'GET /api/v1/me': () => json(sampleMe),
    });
    const { router } = renderRoutes('/login?next=%2Fapp');
    await fillAndSubmit('ada@example.com', 'correct horse battery');
    expect(await screen.findByRole('heading', { name: 'Welcome, Ada Lovelace' })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/app');
    expect(calls[0]?.body).toEqual({ email: 'ada@example.com', password: 'correct horse battery' });
    expect(tokenStore.getAccessToken()).toBe('a1');
    expect(tokenStore.getRefreshToken()).toBe('r1');
  });

  it('shows wrong credentials as an alert', async () => {
    mockApi({ 'POST /api/v1/auth/login': () => problem(401, 'invalid_credentials') });
    renderRoutes('/login');
    await fillAndSubmit('ada@example.com', 'wrong password');
    expect(await screen.findByRole('alert')).toHaveTextContent('The email address or password is wrong.');
    expect(tokenStore.getAccessToken()).toBeNull();
  });

  it('shows validation errors next to their fields', async () => {
    mockApi({
      'POST /api/v1/auth/login': () =>
        problem(422, 'validation_failed', { errors: [{ field: 'email', message: 'Use 1 to 254 characters.' }] }),
    });
    renderRoutes('/login');
    await fillAndSubmit('x@y', 'pw');
    const email = screen.getByLabelText(/email address/i);
    await waitFor(() => expect(email).toHaveAttribute('aria-invalid', 'true'));
    expect(email).toHaveAccessibleDescription('Use 1 to 254 characters.');
    expect(screen.queryByTestId('problem-alert')).not.toBeInTheDocument();
  });

  it('tells how long to wait when rate limited', async () => {
    mockApi({
      'POST /api/v1/auth/login': () => problem(429, 'rate_limited', { headers: { 'Retry-After': '42' } }),
    });
    renderRoutes('/login');
    await fillAndSubmit('ada@example.com', 'whatever123');
    expect(await screen.findByRole('alert')).toHaveTextContent('wait 1 minute and');
  });

  it('warns when few attempts remain before the delays, and links to the reset', async () => {
    mockApi({
      'POST /api/v1/auth/login': () => problem(401, 'invalid_credentials', { fields: { remaining_attempts: 2 } }),
    });
    renderRoutes('/login');
    await fillAndSubmit('ada@example.com', 'wrong password');
    expect(await screen.findByTestId('attempts-warning')).toHaveTextContent(
      '2 more wrong passwords, and each further attempt has to wait a while.',
    );
    expect(screen.getByRole('link', { name: 'Forgot password?' })).toHaveAttribute('href', '/forgot-password');
  });

  it('says when the delays have started, and shows no warning while many attempts remain', async () => {
    // Many attempts left: no field; then none left.
    const answers: Record<string, unknown>[] = [{}, { remaining_attempts: 0 }];
    mockApi({ 'POST /api/v1/auth/login': () => problem(401, 'invalid_credentials', { fields: answers.shift() }) });
    renderRoutes('/login');
    await fillAndSubmit('ada@example.com', 'wrong password');
    expect(await screen.findByRole('alert')).toHaveTextContent('The email address or password is wrong.');
    expect(screen.queryByTestId('attempts-warning')).not.toBeInTheDocument();
    await userEvent.setup().click(screen.getByRole('button', { name: 'Log in' }));
    expect(await screen.findByTestId('attempts-warning')).toHaveTextContent('From now on each attempt has to wait a while.');
  });

  it('states a long wait in whole minutes, rounded up', async () => {
    mockApi({
      'POST /api/v1/auth/login': () => problem(429, 'rate_limited', { headers: { 'Retry-After': '799' } }),
    });
    renderRoutes('/login');
    await fillAndSubmit('ada@example.com', 'whatever123');
    expect(await screen.findByRole('alert')).toHaveTextContent('Please wait 14 minutes and try again.');
  });

  it('checks required fields before calling the server', async () => {
    const { calls } = mockApi({});
    renderRoutes('/login');
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Log in' }));
    expect(await screen.findByText('Enter your email address.')).toBeInTheDocument();
    expect(screen.getByText('Enter your password.')).toBeInTheDocument();
    expect(calls).toHaveLength(0);
  });
});
