import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { authResponse, json, mockApi, problem, renderRoutes, sampleMe } from '@/test/utils';

async function fillForm(values: { name: string; email: string; password: string }) {
  const user = userEvent.setup();
  await user.type(await screen.findByLabelText(/full name/i), values.name);
  await user.type(screen.getByLabelText(/email address/i), values.email);
  await user.type(screen.getByLabelText(/^password/i), values.password);
  return user;
}

describe('RegisterPage', () => {
  it('registers a freelancer and opens the app', async () => {
    const { calls } = mockApi({
      'POST /api/v1/auth/register': () => json(authResponse(), 201),
      'GET /api/v1/me': () => json(sampleMe),
    });
    const { router } = renderRoutes('/register');
    const user = await fillForm({ name: 'Ada Lovelace', email: 'ada@example.com', password: 'correct horse battery' });
    expect(screen.getByRole('radio', { name: /IT freelancer/ })).toBeChecked();
    await user.click(screen.getByRole('button', { name: 'Create account' }));
    expect(await screen.findByRole('heading', { name: 'Welcome, Ada Lovelace' })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/app');
    expect(calls[0]?.body).toEqual({
      full_name: 'Ada Lovelace',
      email: 'ada@example.com',
      password: 'correct horse battery',
      role: 'freelancer',
      locale: 'en',
    });
  });

  it('registers through an invitation: email prefilled, freelancer role, then the application form', async () => {
    const { calls } = mockApi({
      'POST /api/v1/auth/register': () => json(authResponse(), 201),
      'GET /api/v1/me': () => json(sampleMe),
      'GET /api/v1/me/application': () => problem(404, 'not_found'),
    });
    const { router } = renderRoutes('/register?invitation=inv_123&email=bea%40example.com');
    expect(await screen.findByText('You have been invited')).toBeInTheDocument();
    expect(screen.getByLabelText(/email address/i)).toHaveValue('bea@example.com');
    // An invitation is to the freelancer programme: no role to choose.
    expect(screen.queryByRole('radio')).not.toBeInTheDocument();
    expect(screen.getByText('You are joining as an IT freelancer.')).toBeInTheDocument();
    expect(within(screen.getByRole('main')).getByRole('link', { name: 'Log in' })).toHaveAttribute(
      'href',
      '/login?next=%2Finvitations%2Finv_123',
    );
    const user = userEvent.setup();
    await user.type(screen.getByLabelText(/full name/i), 'Bea');
    await user.type(screen.getByLabelText(/^password/i), 'correct horse battery');
    await user.click(screen.getByRole('button', { name: 'Create account' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Apply to the programme' })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/app/application');
    expect(calls[0]?.body).toMatchObject({ email: 'bea@example.com', role: 'freelancer', invitation_token: 'inv_123' });
  });

  it('shows an already registered email next to the email field', async () => {
    mockApi({
      'POST /api/v1/auth/register': () => problem(409, 'email_taken', {
          detail: 'An account with this email already exists.',
          errors: [{ field: 'email', message: 'is already registered' }],
        }),
    });
    renderRoutes('/register');
    const user = await fillForm({ name: 'Ada', email: 'ada@example.com', password: 'correct horse battery' });
    await user.click(screen.getByRole('button', { name: 'Create account' }));
    const email = screen.getByLabelText(/email address/i);
    await waitFor(() => expect(email).toHaveAccessibleDescription('This email address is already registered.'));
    expect(screen.queryByTestId('problem-alert')).not.toBeInTheDocument();
  });

  it('shows server validation errors per field, and unknown fields in the alert', async () => {
    mockApi({
      'POST /api/v1/auth/register': () =>
        problem(422, 'validation_failed', {
          errors: [
            { field: 'password', message: 'must be 10 to 128 characters' },
            { field: 'invitation_token', message: 'must be at most 200 characters' },
          ],
        }),
    });
    renderRoutes('/register');
    const user = await fillForm({ name: 'Ada', email: 'ada@example.com', password: 'correct horse battery' });
    await user.click(screen.getByRole('button', { name: 'Create account' }));
    const password = screen.getByLabelText(/^password/i);
    await waitFor(() => expect(password).toHaveAttribute('aria-invalid', 'true'));
    expect(screen.getByText('must be 10 to 128 characters')).toBeInTheDocument();
    expect(screen.getByRole('alert')).toHaveTextContent('invitation_token: must be at most 200 characters');
  });

  it('rejects a short password before calling the server', async () => {
    const { calls } = mockApi({});
    renderRoutes('/register');
    const user = await fillForm({ name: 'Ada', email: 'ada@example.com', password: 'short' });
    await user.click(screen.getByRole('button', { name: 'Create account' }));
    expect(await screen.findByText('The password must be between 10 and 128 characters.')).toBeInTheDocument();
    expect(calls).toHaveLength(0);
  });
});
