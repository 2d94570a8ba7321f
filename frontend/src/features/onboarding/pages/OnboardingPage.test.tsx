import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import i18n from '@/i18n';
import { json, mockApi, problem, renderRoutes, signIn } from '@/test/utils';

const SLOW = { timeout: 10_000 };

function me(missing_steps: string[], overrides: Record<string, unknown> = {}) {
  return {
    id: 'usr_1',
    email: 'ada@example.com',
    full_name: 'Ada Lovelace',
    roles: ['freelancer'],
    freelancer: {
      id: 'fl_1',
      status: 'approved',
      tier: 'standard',
      eligible: missing_steps.length === 0,
      missing_steps,
      onboarding_required: true,
      ...overrides,
    },
  };
}

const profile = (personal: boolean, business: boolean, country: string | null) => ({
  personal: { full_name: 'Ada Lovelace', display_name: personal ? 'ada' : null, description: '', languages: personal ? ['English'] : [], country },
  business: { occupation: business ? 'Consultant' : null, skills: business ? ['Teams'] : [], education: [], certifications: [] },
  picture_url: null,
  completed: { personal, business },
  updated_at: personal ? '2026-11-27T10:00:00Z' : null,
});

const terms = {
  version: 3,
  locale: 'en',
  title: 'Partner Hub reseller programme terms',
  body: 'These terms govern your participation.\n\n1. Referral link. Share it only with your own clients.',
  published_at: '2026-11-27T00:00:00Z',
};

describe('OnboardingPage', () => {
  afterEach(() => i18n.changeLanguage('en'));

  it('resumes at the first step still to do, with visible progress', async () => {
    signIn();
    mockApi({
      'GET /api/v1/me': () => json(me(['business_info', 'tax_form', 'terms'])),
      'GET /api/v1/me/profile': () => json(profile(true, false, 'US')),
      'GET /api/v1/me/tax-form': () => problem(404, 'not_found'),
    });
    renderRoutes('/app/onboarding');
    expect(await screen.findByRole('heading', { level: 2, name: 'Business info' }, SLOW)).toBeInTheDocument();
    expect(screen.getByTestId('wizard-progress')).toHaveTextContent('Step 3 of 5');
    expect(screen.getByText('W-9 form')).toBeInTheDocument();
  });

  it('has no W-9 step outside the US', async () => {
    signIn();
    mockApi({
      'GET /api/v1/me': () => json(me(['business_info', 'terms'])),
      'GET /api/v1/me/profile': () => json(profile(true, false, 'DE')),
      'GET /api/v1/me/tax-form': () => problem(404, 'not_found'),
    });
    renderRoutes('/app/onboarding');
    expect(await screen.findByTestId('wizard-progress', {}, SLOW)).toHaveTextContent('Step 3 of 4');
    expect(screen.queryByText('W-9 form')).not.toBeInTheDocument();
  });

  it('shows a freelancer from before the programme only the terms, and opens the dashboard after accepting', async () => {
    signIn();
    let accepted = false;
    const { calls } = mockApi({
      'GET /api/v1/me': () => json(me(accepted ? [] : ['terms'], { onboarding_required: false })),
      'GET /api/v1/me/profile': () => json(profile(false, false, null)),
      'GET /api/v1/terms/current': () => json(terms),
      'POST /api/v1/me/terms-acceptances': () => {
        accepted = true;
        return json({ version: 3, locale: 'en', accepted_at: '2026-11-27T10:00:00Z' }, 201);
      },
    });
    renderRoutes('/app/onboarding');
    expect(await screen.findByRole('heading', { level: 1, name: 'Programme terms' }, SLOW)).toBeInTheDocument();
    expect(screen.queryByTestId('wizard-progress')).not.toBeInTheDocument();
    expect(await screen.findByRole('region', { name: 'Terms, version 3' })).toHaveTextContent('Referral link.');
    await userEvent.setup().click(screen.getByRole('button', { name: 'I accept these terms' }));
    expect(await screen.findByRole('heading', { name: 'You are all set' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Open your dashboard' })).toHaveAttribute('href', '/app/dashboard');
    expect(calls.find((c) => c.path === '/api/v1/me/terms-acceptances')?.body).toEqual({ version: 3, locale: 'en' });
    expect(calls.find((c) => c.path === '/api/v1/terms/current')?.query).toBe('?lang=en');
    expect(screen.queryByTestId('terms-language-note')).not.toBeInTheDocument();
    // No tax form lookup for freelancers who skip onboarding.
    expect(calls.some((c) => c.path === '/api/v1/me/tax-form')).toBe(false);
  });

  it('shows the German text in German and records that German was accepted', async () => {
    await i18n.changeLanguage('de');
    signIn();
    const german = { ...terms, locale: 'de', title: 'Bedingungen', body: 'Diese Bedingungen regeln Ihre Teilnahme.\n\n1. Empfehlungslink.' };
    const { calls } = mockApi({
      'GET /api/v1/me': () => json(me(['terms'], { onboarding_required: false })),
      'GET /api/v1/me/profile': () => json(profile(false, false, null)),
      'GET /api/v1/terms/current': (req) => json(req.query === '?lang=de' ? german : terms),
      'POST /api/v1/me/terms-acceptances': () => json({ version: 3, locale: 'de', accepted_at: '2026-11-27T10:00:00Z' }, 201),
    });
    renderRoutes('/app/onboarding');
    const text = await screen.findByTestId('terms-text', {}, SLOW);
    expect(text).toHaveTextContent('Empfehlungslink.');
    expect(text).toHaveAttribute('lang', 'de');
    expect(screen.queryByTestId('terms-language-note')).not.toBeInTheDocument();
    await userEvent.setup().click(screen.getByRole('button', { name: 'Ich akzeptiere diese Bedingungen' }));
    await waitFor(() =>
      expect(calls.find((c) => c.path === '/api/v1/me/terms-acceptances')?.body).toEqual({ version: 3, locale: 'de' }),
    );
  });

  it('says so when a version has no German text, and accepts the English one', async () => {
    await i18n.changeLanguage('de');
    signIn();
    const { calls } = mockApi({
      'GET /api/v1/me': () => json(me(['terms'], { onboarding_required: false })),
      'GET /api/v1/me/profile': () => json(profile(false, false, null)),
      'GET /api/v1/terms/current': () => json(terms),
      'POST /api/v1/me/terms-acceptances': () => json({ version: 3, locale: 'en', accepted_at: '2026-11-27T10:00:00Z' }, 201),
    });
    renderRoutes('/app/onboarding');
    expect(await screen.findByTestId('terms-language-note', {}, SLOW)).toHaveTextContent('nur auf Englisch');
    expect(screen.getByTestId('terms-text')).toHaveAttribute('lang', 'en');
    await userEvent.setup().click(screen.getByRole('button', { name: 'Ich akzeptiere diese Bedingungen' }));
    await waitFor(() =>
      expect(calls.find((c) => c.path === '/api/v1/me/terms-acceptances')?.body).toEqual({ version: 3, locale: 'en' }),
    );
  });

  it('opens the terms step directly from /app/onboarding/terms', async () => {
    signIn();
    mockApi({
      'GET /api/v1/me': () => json(me(['personal_info', 'business_info', 'terms'])),
      'GET /api/v1/me/profile': () => json(profile(false, false, null)),
      'GET /api/v1/me/tax-form': () => problem(404, 'not_found'),
      'GET /api/v1/terms/current': () => json(terms),
    });
    renderRoutes('/app/onboarding/terms');
    expect(await screen.findByRole('heading', { level: 2, name: 'Programme terms' }, SLOW)).toBeInTheDocument();
    expect(screen.getByTestId('wizard-progress')).toHaveTextContent('Step 4 of 4');
  });

  it('shows a taken display name next to the field', async () => {
    signIn();
    mockApi({
      'GET /api/v1/me': () => json(me(['personal_info', 'business_info', 'terms'])),
      'GET /api/v1/me/profile': () => json({ ...profile(false, false, 'DE'), updated_at: '2026-11-27T10:00:00Z' }),
      'GET /api/v1/me/tax-form': () => problem(404, 'not_found'),
      'PUT /api/v1/me/profile': () =>
        problem(409, 'display_name_taken', {
          detail: 'This display name is already taken by another freelancer.',
          errors: [{ field: 'personal.display_name', message: 'is already taken' }],
        }),
    });
    renderRoutes('/app/onboarding');
    const displayName = await screen.findByRole('textbox', { name: /Display name/ }, SLOW);
    const user = userEvent.setup();
    await user.click(displayName);
    await user.paste('ada');
    await user.click(screen.getByRole('combobox', { name: /Languages you speak/ }));
    await user.paste('English');
    await user.keyboard('{Enter}');
    await user.click(screen.getByRole('button', { name: 'Save and continue' }));
    await waitFor(() =>
      expect(displayName).toHaveAccessibleDescription(/This display name is already taken\. Please choose another one\./),
    );
    expect(screen.queryByTestId('problem-alert')).not.toBeInTheDocument();
  });

  it('starts the personal step from what the account and the application already say', async () => {
    signIn();
    mockApi({
      'GET /api/v1/me': () => json(me(['personal_info', 'business_info', 'tax_form', 'terms'])),
      'GET /api/v1/me/profile': () =>
        json({ ...profile(false, false, 'US'), personal: { ...profile(false, false, 'US').personal, full_name: 'Jürgen Müller' } }),
      'GET /api/v1/me/tax-form': () => problem(404, 'not_found'),
    });
    renderRoutes('/app/onboarding');
    await userEvent.setup().click(await screen.findByRole('button', { name: 'Continue' }, SLOW));
    const displayName = await screen.findByRole('textbox', { name: /Display name/ }, SLOW);
    expect(displayName).toHaveValue('Juergen Mueller');
    const country = screen.getByLabelText(/Country you are based in/, { selector: 'input' });
    expect(country).toHaveValue('United States');
    // The W-9 comes after the business step, and the hint says so.
    expect(country).toHaveAccessibleDescription(/W-9 form follows after “Business info”/);
  });

  it('waits for the approval before onboarding', async () => {
    signIn();
    mockApi({ 'GET /api/v1/me': () => json(me(['approval', 'personal_info', 'terms'], { status: 'submitted' })) });
    renderRoutes('/app/onboarding');
    expect(await screen.findByTestId('onboarding-gate', {}, SLOW)).toHaveTextContent('Support is still deciding');
  });
});
