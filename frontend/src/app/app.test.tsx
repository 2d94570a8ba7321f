import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { tokenStore } from '@/lib/api/tokens';
import { json, mockApi, problem, renderRoutes, sampleMe, signIn } from '@/test/utils';

describe('routing and guards', () => {
  it('shows the landing page with links to log in, register and the API docs', async () => {
    mockApi({});
    renderRoutes('/');
    expect(await screen.findByRole('heading', { level: 1, name: /Resell Microsoft 365/ })).toBeInTheDocument();
    const main = screen.getByRole('main');
    expect(within(main).getByRole('link', { name: 'Register now' })).toHaveAttribute('href', '/register');
    expect(within(main).getByRole('link', { name: 'Log in' })).toHaveAttribute('href', '/login');
    expect(within(main).getByRole('link', { name: /API documentation/ })).toHaveAttribute('href', '/docs');
  });

  it('sends visitors without a session to the login page, remembering the target', async () => {
    mockApi({});
    const { router } = renderRoutes('/admin?x=1');
    await screen.findByRole('heading', { name: 'Log in to Partner Hub' });
    expect(router.state.location.pathname).toBe('/login');
    expect(router.state.location.search).toBe(`?next=${encodeURIComponent('/admin?x=1')}`);
  });

  it('shows the signed-in home with roles and the freelancer status', async () => {
    signIn();
    mockApi({
      'GET /api/v1/me': () =>
        json({ ...sampleMe, freelancer: { ...sampleMe.freelancer, missing_steps: ['application', 'upload_passport'] } }),
    });
    renderRoutes('/app');
    expect(await screen.findByRole('heading', { level: 1, name: 'Welcome, Ada Lovelace' })).toBeInTheDocument();
    expect(screen.getByText('Freelancer')).toBeInTheDocument();
    expect(screen.getByTestId('freelancer-status')).toHaveTextContent('Onboarding');
    const steps = screen.getByTestId('missing-steps');
    // A step the catalogue does not know yet is shown humanised rather than as a raw key.
    expect(within(steps).getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      'Apply to the programme',
      'Upload passport',
    ]);
    // Staff navigation is hidden from freelancers.
    expect(screen.queryByRole('link', { name: 'Administration' })).not.toBeInTheDocument();
  });

  it('shows an empty state to a customer', async () => {
    signIn();
    mockApi({ 'GET /api/v1/me': () => json({ ...sampleMe, roles: ['customer'], freelancer: null }) });
    renderRoutes('/app');
    expect(await screen.findByText('Nothing here yet')).toBeInTheDocument();
  });

  it('shows a loading state, then an error state with retry when /me fails', async () => {
    signIn();
    let fail = true;
    mockApi({ 'GET /api/v1/me': () => (fail ? problem(500, 'internal_error') : json(sampleMe)) });
    renderRoutes('/app');
    expect(screen.getByRole('status')).toHaveTextContent('Loading…');
    const retry = await screen.findByRole('button', { name: 'Try again' });
    fail = false;
    await userEvent.setup().click(retry);
    expect(await screen.findByRole('heading', { name: 'Welcome, Ada Lovelace' })).toBeInTheDocument();
  });

  it('returns to the login page when the session is refused', async () => {
    signIn();
    mockApi({
      'GET /api/v1/me': () => problem(401, 'unauthenticated'),
      'POST /api/v1/auth/refresh': () => problem(401, 'invalid_refresh_token'),
    });
    const { router } = renderRoutes('/app');
    await screen.findByRole('heading', { name: 'Log in to Partner Hub' });
    expect(router.state.location.pathname).toBe('/login');
    expect(tokenStore.getAccessToken()).toBeNull();
  });

  it('shows a 403 page to non-staff users in the admin area', async () => {
    signIn();
    mockApi({ 'GET /api/v1/me': () => json(sampleMe) });
    renderRoutes('/admin');
    expect(await screen.findByRole('heading', { name: 'No access' })).toBeInTheDocument();
  });

  it('lets support staff into the admin area', async () => {
    signIn();
    mockApi({ 'GET /api/v1/me': () => json({ ...sampleMe, roles: ['support'], freelancer: null }) });
    renderRoutes('/admin');
    expect(await screen.findByRole('heading', { level: 1, name: 'Administration' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Administration' })).toHaveAttribute('aria-current', 'page');
  });

  it('shows a 404 page for unknown paths', async () => {
    mockApi({});
    renderRoutes('/no/such/page');
    expect(await screen.findByRole('heading', { name: 'Page not found' })).toBeInTheDocument();
  });

  it('logs out through the account menu', async () => {
    signIn('a1', 'r1');
    const { calls } = mockApi({
      'GET /api/v1/me': () => json(sampleMe),
      'POST /api/v1/auth/logout': () => new Response(null, { status: 204 }),
    });
    const { router } = renderRoutes('/app');
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Ada Lovelace — account menu' }));
    await user.click(await screen.findByRole('menuitem', { name: 'Log out' }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/'));
    expect(calls.find((c) => c.path === '/api/v1/auth/logout')?.body).toEqual({ refresh_token: 'r1' });
    await waitFor(() => expect(tokenStore.getAccessToken()).toBeNull());
    expect(await screen.findByRole('heading', { level: 1, name: /Resell Microsoft 365/ })).toBeInTheDocument();
  });

  it('switches the language to German', async () => {
    mockApi({});
    renderRoutes('/');
    const user = userEvent.setup();
    await user.selectOptions(await screen.findByRole('combobox', { name: 'Language' }), 'de');
    expect(await screen.findByRole('heading', { level: 1, name: /Microsoft 365 weiterverkaufen/ })).toBeInTheDocument();
    expect(document.documentElement.lang).toBe('de');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Sprache' }), 'en');
  });
});
