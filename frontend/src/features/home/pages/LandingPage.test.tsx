import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { json, mockApi, renderRoutes, signIn } from '@/test/utils';

const SLOW = { timeout: 10_000 };

const program = {
  name: 'Products & Software — Microsoft 365 for freelancers',
  tagline: 'Resell Microsoft 365.',
  description: 'As an IT freelancer you already take care of your clients.',
  benefits: [{ title: 'Commission on every sale', description: 'Earn on every paid period.' }],
  commission_rates: [
    { plan_id: 'pln_basic', plan_name: 'Microsoft 365 Business Basic', rate_bps: 2000 },
    { plan_id: 'pln_premium', plan_name: 'Microsoft 365 Business Premium', rate_bps: 1250 },
  ],
  clearing_periods: [
    { tier: 'standard', tier_name: 'Standard', days: 14 },
    { tier: 'top_rated', tier_name: 'Top Rated', days: 7 },
  ],
  clearing_days: 14,
  locale: 'en',
  how_to_start: ['Accept your invitation.', 'Fill in the application form.'],
  faq: [{ question: 'When do my earnings become available?', answer: 'After the clearing period.' }],
};

describe('LandingPage', () => {
  it('shows the programme from the API: rates as percentages, clearing periods, steps and FAQ', async () => {
    const { calls } = mockApi({ 'GET /api/v1/program': () => json(program) });
    renderRoutes('/');
    const rates = await screen.findByTestId('commission-rates', {}, SLOW);
    expect(within(rates).getByRole('row', { name: 'Microsoft 365 Business Basic 20%' })).toBeInTheDocument();
    expect(within(rates).getByRole('row', { name: 'Microsoft 365 Business Premium 12.5%' })).toBeInTheDocument();
    const clearing = screen.getByTestId('clearing-periods');
    expect(within(clearing).getByRole('row', { name: 'Top Rated 7 days' })).toBeInTheDocument();
    expect(within(screen.getByTestId('how-to-start')).getAllByRole('listitem')).toHaveLength(2);
    const question = screen.getByRole('button', { name: 'When do my earnings become available?' });
    await userEvent.setup().click(question);
    expect(question).toHaveAttribute('aria-expanded', 'true');
    expect(screen.getByText('After the clearing period.')).toBeInTheDocument();
    // The texts are asked for in the UI's language.
    expect(calls.find((c) => c.path === '/api/v1/program')?.query).toBe('?lang=en');
  });
});

describe('AppHomePage next step', () => {
  it('points a freelancer to the next missing step', async () => {
    signIn();
    mockApi({
      'GET /api/v1/me': () =>
        json({
          id: 'usr_1',
          email: 'ada@example.com',
          full_name: 'Ada Lovelace',
          roles: ['freelancer'],
          freelancer: { id: 'fl_1', status: 'approved', tier: 'standard', eligible: false, missing_steps: ['tax_form', 'terms'], onboarding_required: true },
        }),
    });
    renderRoutes('/app');
    const card = await screen.findByTestId('next-step', {}, SLOW);
    expect(within(card).getByRole('heading', { name: 'Submit your W-9 tax form' })).toBeInTheDocument();
    expect(within(card).getByRole('link', { name: 'Fill in the W-9' })).toHaveAttribute('href', '/app/onboarding');
  });
});
