import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { json, mockApi, problem, renderRoutes, signIn } from '@/test/utils';

const me = (status: string, missing_steps: string[]) => ({
  id: 'usr_1',
  email: 'ada@example.com',
  full_name: 'Ada Lovelace',
  roles: ['freelancer'],
  freelancer: { id: 'fl_1', status, tier: 'standard', eligible: false, missing_steps, onboarding_required: true },
});

const application = {
  id: 'app_1',
  freelancer_id: 'fl_1',
  status: 'rejected',
  m365_experience: 'advanced',
  us_clients_served: 12,
  certifications: ['MS-102'],
  country: 'US',
  motivation: 'I run IT for a dozen small US businesses.',
  links: ['https://example.com/portfolio'],
  invited: true,
  created_at: '2026-11-20T10:00:00Z',
  updated_at: '2026-11-21T10:00:00Z',
  decision: {
    outcome: 'rejected',
    reason: 'needs_more_detail',
    reason_text: 'The application needs more detail.',
    note: 'Please list your certifications.',
    decided_at: '2026-11-21T10:00:00Z',
  },
};

// Pasting rather than typing key by key keeps these tests quick on a small CI machine.
async function fillValidForm() {
  const user = userEvent.setup();
  await user.click(await screen.findByRole('combobox', { name: /Experience administering/ }, { timeout: 10_000 }));
  await user.click(await screen.findByRole('option', { name: /^Advanced/ }));
  await user.click(screen.getByRole('textbox', { name: /US clients/ }));
  await user.paste('12');
  await user.click(screen.getByRole('combobox', { name: /Country you are based in/ }));
  await user.paste('Germany');
  await user.click(await screen.findByRole('option', { name: 'Germany' }));
  await user.click(screen.getByRole('textbox', { name: /Why do you want to join/ }));
  await user.paste('I look after twelve offices in Ohio.');
  await user.click(screen.getByRole('combobox', { name: /^Links/ }));
  await user.paste('https://example.com/a');
  await user.keyboard('{Enter}');
  return user;
}

describe('ApplicationPage', () => {
  it('shows the form before the first application and puts server errors next to their fields', async () => {
    signIn();
    const { calls } = mockApi({
      'GET /api/v1/me': () => json(me('registered', ['application', 'approval', 'terms'])),
      'GET /api/v1/me/application': () => problem(404, 'not_found'),
      'POST /api/v1/applications': () =>
        problem(422, 'validation_failed', {
          errors: [
            { field: 'country', message: 'Enter a two-letter country code such as US.' },
            { field: 'links[0]', message: 'Enter an http or https URL.' },
          ],
        }),
    });
    renderRoutes('/app/application');
    // The first render loads the lazy page; give it time on a busy machine.
    expect(await screen.findByRole('heading', { level: 1, name: 'Apply to the programme' }, { timeout: 10_000 })).toBeInTheDocument();
    const user = await fillValidForm();
    await user.click(screen.getByRole('button', { name: 'Submit application' }));

    await waitFor(() =>
      expect(screen.getByRole('combobox', { name: /Country you are based in/ })).toHaveAccessibleDescription(
        /Enter a two-letter country code/,
      ),
    );
    expect(screen.getByRole('combobox', { name: /^Links/ })).toHaveAccessibleDescription(/Enter an http or https URL/);
    // Every error found its field: no alert repeats them.
    expect(screen.queryByTestId('problem-alert')).not.toBeInTheDocument();
    const sent = calls.find((c) => c.path === '/api/v1/applications');
    expect(sent?.body).toEqual({
      m365_experience: 'advanced',
      us_clients_served: 12,
      certifications: [],
      country: 'DE',
      motivation: 'I look after twelve offices in Ohio.',
      links: ['https://example.com/a'],
    });
  });

  it('explains a 409 (an application is already open) and offers to show it', async () => {
    signIn();
    let applied = false;
    mockApi({
      'GET /api/v1/me': () => json(me('submitted', ['approval', 'terms'])),
      'GET /api/v1/me/application': () =>
        applied ? json({ ...application, status: 'submitted', decision: null }) : problem(404, 'not_found'),
      'POST /api/v1/applications': () => {
        applied = true;
        return problem(409, 'application_open', { detail: 'You already have an application under review.' });
      },
    });
    renderRoutes('/app/application');
    const user = await fillValidForm();
    await user.click(screen.getByRole('button', { name: 'Submit application' }));
    expect(await screen.findByTestId('problem-alert')).toHaveTextContent('You already have an application under review.');
    await user.click(screen.getByRole('button', { name: 'Show my current application' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Your application' })).toBeInTheDocument();
    expect(screen.getByTestId('application-status')).toHaveTextContent('Under review');
  });

  it('shows a rejection with its reason and note, and sends an appeal', async () => {
    signIn();
    let appealed = false;
    const { calls } = mockApi({
      'GET /api/v1/me': () => json(me(appealed ? 'appealed' : 'rejected', ['approval', 'terms'])),
      'GET /api/v1/me/application': () => json(appealed ? { ...application, status: 'appealed' } : application),
      'POST /api/v1/appeals': () => {
        appealed = true;
        return json({ id: 'apl_1', status: 'submitted' }, 201);
      },
    });
    renderRoutes('/app/application');
    const decision = await screen.findByTestId('decision', {}, { timeout: 10_000 });
    expect(within(decision).getByText('The application needs more detail.')).toBeInTheDocument();
    expect(within(decision).getByText('Please list your certifications.')).toBeInTheDocument();

    const user = userEvent.setup();
    const explanation = screen.getByRole('textbox', { name: /Your explanation/ });
    await user.click(explanation);
    await user.paste('Too short');
    await user.click(screen.getByRole('button', { name: 'Send appeal' }));
    expect(explanation).toHaveAccessibleDescription(/Write between 20 and 5,000 characters/);

    await user.click(explanation);
    await user.paste(' — I hold MS-102 and MD-102.');
    await user.click(screen.getByRole('button', { name: 'Send appeal' }));
    expect(await screen.findByText('Your appeal is under review')).toBeInTheDocument();
    expect(calls.find((c) => c.path === '/api/v1/appeals')?.body).toEqual({
      subject_type: 'application',
      subject_id: 'app_1',
      explanation: 'Too short — I hold MS-102 and MD-102.',
    });
    expect(screen.queryByRole('button', { name: 'Send appeal' })).not.toBeInTheDocument();
  });

  it('asks an unverified user to confirm the address above the form, and resends the link', async () => {
    signIn();
    const { calls } = mockApi({
      'GET /api/v1/me': () => json({ ...me('registered', ['application', 'approval', 'terms']), email_verified: false }),
      'GET /api/v1/me/application': () => problem(404, 'not_found'),
      'POST /api/v1/auth/verify-email/resend': () => new Response(null, { status: 202 }),
    });
    renderRoutes('/app/application');
    const banner = await screen.findByTestId('verify-email-banner', {}, { timeout: 10_000 });
    expect(within(banner).getByText('Please confirm your email address')).toBeInTheDocument();
    expect(within(banner).getByText(/ada@example\.com/)).toBeInTheDocument();
    await userEvent.setup().click(within(banner).getByRole('button', { name: 'Send a new link' }));
    expect(await within(banner).findByRole('status')).toHaveTextContent('A new link is on its way');
    expect(calls.filter((c) => c.path === '/api/v1/auth/verify-email/resend')).toHaveLength(1);
  });

  it('shows no verification banner to a verified user', async () => {
    signIn();
    mockApi({
      'GET /api/v1/me': () => json({ ...me('registered', ['application', 'approval', 'terms']), email_verified: true }),
      'GET /api/v1/me/application': () => problem(404, 'not_found'),
    });
    renderRoutes('/app/application');
    expect(await screen.findByRole('heading', { level: 1, name: 'Apply to the programme' }, { timeout: 10_000 })).toBeInTheDocument();
    expect(screen.queryByTestId('verify-email-banner')).toBeNull();
  });
});
